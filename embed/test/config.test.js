import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampHeight, firstHeight, frameUrl, readConfig } from '../src/config.js';

const element = (attributes) => ({ getAttribute: (name) => attributes[name] ?? null });

test('reads the tag, without a leading # or spaces', (t) => {
  assert.equal(readConfig(element({ 'data-widget-tag': 'mysite' })).tag, 'mysite');
  assert.equal(readConfig(element({ 'data-widget-tag': ' #Кот_2 ' })).tag, 'Кот_2');
});

test('refuses what the server would not take as a tag, and says so', (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  for (const tag of [null, '', '#', '123', 'two words', 'a/b', 'x'.repeat(65), '<b>']) {
    assert.equal(readConfig(element({ 'data-widget-tag': tag })), null, String(tag));
  }
  assert.equal(warn.mock.callCount(), 8);
  assert.ok(readConfig(element({ 'data-widget-tag': 'x'.repeat(64) })));
});

test('takes default heights and a right-hand bubble when nothing is said', () => {
  assert.deepEqual(readConfig(element({ 'data-widget-tag': 'a' })), { tag: 'a', title: 'Chat #a', titled: false, accent: null, minHeight: 200, maxHeight: 800, side: 'right' });
});

test('takes heights and the corner from attributes', () => {
  const config = readConfig(element({
    'data-widget-tag': 'a',
    'data-widget-min-height': '300',
    'data-widget-max-height': '600.4',
    'data-widget-position': 'bottom-left',
  }));
  assert.deepEqual(config, { tag: 'a', title: 'Chat #a', titled: false, accent: null, minHeight: 300, maxHeight: 600, side: 'left' });
});

test('takes the title the configurator wrote, as text, within the server\'s length', () => {
  const title = (value) => readConfig(element({ 'data-widget-tag': 'a', 'data-widget-title': value })).title;
  assert.equal(title('  Чат о "котах" <и> собаках '), 'Чат о "котах" <и> собаках');
  assert.equal(title('   '), 'Chat #a');
  assert.equal(title('я'.repeat(100)), 'я'.repeat(80));
  assert.equal(title('x'.repeat(79) + '😀😀'), 'x'.repeat(79) + '😀');
});

test('takes the accent only as a hex colour', () => {
  const accent = (value) => readConfig(element({ 'data-widget-tag': 'a', 'data-widget-accent': value })).accent;
  assert.equal(accent('#1A73E8'), '#1a73e8');
  assert.equal(accent(' #f60 '), '#f60');
  for (const value of ['red', '#12345g', '#1234', '#fff;background:url(//evil.example/x)', 'url(x)', 'var(--x)', '']) {
    assert.equal(accent(value), null, value);
  }
});

test('ignores heights that are not positive numbers and caps huge ones', () => {
  const config = (min, max) => readConfig(element({ 'data-widget-tag': 'a', 'data-widget-min-height': min, 'data-widget-max-height': max }));
  assert.deepEqual([config('abc', '-5').minHeight, config('abc', '-5').maxHeight], [200, 800]);
  assert.deepEqual([config('0', 'Infinity').minHeight, config('0', 'Infinity').maxHeight], [200, 800]);
  assert.equal(config('50', '80000').maxHeight, 4000);
});

test('never lets the maximum fall below the minimum', () => {
  const config = readConfig(element({ 'data-widget-tag': 'a', 'data-widget-min-height': '900' }));
  assert.equal(config.minHeight, 900);
  assert.equal(config.maxHeight, 900);
});

test('clamps heights to the configured range', () => {
  const range = { minHeight: 200, maxHeight: 800 };
  assert.equal(clampHeight(10, range), 200);
  assert.equal(clampHeight(5000, range), 800);
  assert.equal(clampHeight(456.6, range), 457);
  assert.equal(firstHeight(range), 400);
  assert.equal(firstHeight({ minHeight: 500, maxHeight: 900 }), 500);
});

test('builds the widget URL with the tag encoded and the embed flag', () => {
  assert.equal(frameUrl('https://chat.example', 'mysite'), 'https://chat.example/w/mysite?embed=1');
  assert.equal(frameUrl('https://chat.example', 'кот'), 'https://chat.example/w/%D0%BA%D0%BE%D1%82?embed=1');
  assert.equal(frameUrl('https://chat.example', '../x?y#z'), 'https://chat.example/w/..%2Fx%3Fy%23z?embed=1');
});
