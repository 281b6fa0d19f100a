import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embedInline } from '../src/inline.js';
import { addElement, createWindow } from './fake-dom.js';

const ORIGIN = 'https://chat.example';

test('puts a placeholder in every tagged container and loads each as it nears the viewport', () => {
  const window = createWindow();
  const one = addElement(window.document, 'div', { 'data-widget-tag': 'one' });
  const two = addElement(window.document, 'section', { 'data-widget-tag': 'two' });
  const frames = embedInline(window.document, ORIGIN);
  assert.equal(frames.length, 2);
  assert.equal(one.children[0].textContent, 'Chat #one — loading…');
  assert.equal(one.find('iframe').length + two.find('iframe').length, 0);

  const [observer] = window.observers;
  assert.match(observer.options.rootMargin, /^\d+px$/);
  observer.enter(two);
  assert.equal(one.find('iframe').length, 0);
  assert.equal(two.find('iframe')[0].src, 'https://chat.example/w/two?embed=1');
  assert.equal(observer.targets.has(two), false);
});

test('loads at once where there is no IntersectionObserver', () => {
  const window = createWindow({ intersection: false });
  const container = addElement(window.document, 'div', { 'data-widget-tag': 'one' });
  embedInline(window.document, ORIGIN);
  assert.equal(container.find('iframe').length, 1);
});

test('leaves the bubble script tag alone', () => {
  const window = createWindow();
  const script = addElement(window.document, 'script', { 'data-widget-tag': 'one' });
  assert.deepEqual(embedInline(window.document, ORIGIN), []);
  assert.deepEqual(script.children, []);
  assert.equal(script.hasAttribute('data-widget-embedded'), false);
});

test('makes one chat per container when the script runs twice', () => {
  const window = createWindow();
  const container = addElement(window.document, 'div', { 'data-widget-tag': 'one' });
  embedInline(window.document, ORIGIN);
  assert.equal(container.hasAttribute('data-widget-embedded'), true);
  const placeholder = container.children[0];
  assert.deepEqual(embedInline(window.document, ORIGIN), []);
  assert.deepEqual(container.children, [placeholder]);
});

test('skips a container with a bad tag and keeps going', (t) => {
  t.mock.method(console, 'warn', () => {});
  const window = createWindow({ intersection: false });
  const bad = addElement(window.document, 'div', { 'data-widget-tag': 'no way' });
  const good = addElement(window.document, 'div', { 'data-widget-tag': 'yes' });
  assert.equal(embedInline(window.document, ORIGIN).length, 1);
  assert.deepEqual(bad.children, []);
  assert.equal(good.find('iframe').length, 1);
});
