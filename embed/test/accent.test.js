import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iconColor, readAccent } from '../src/accent.js';

test('accepts #rgb and #rrggbb only', () => {
  assert.equal(readAccent('#ABC'), '#abc');
  assert.equal(readAccent('#2458d6'), '#2458d6');
  for (const value of [null, '', 'blue', 'rgb(0,0,0)', '#ab', '#abcd', '#2458d6 !important', 'expression(alert(1))']) {
    assert.equal(readAccent(value), null, String(value));
  }
});

test('draws the icon white on dark accents and black on light ones', () => {
  assert.equal(iconColor('#2458d6'), '#fff');
  assert.equal(iconColor('#000'), '#fff');
  assert.equal(iconColor('#b3261e'), '#fff');
  assert.equal(iconColor('#fff'), '#000');
  assert.equal(iconColor('#ffd54f'), '#000');
  assert.equal(iconColor('#7aa7ff'), '#000');
});
