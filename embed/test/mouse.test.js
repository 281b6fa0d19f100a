import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trackMouse } from '../src/together/mouse.js';

// A page 1000 pixels wide, scrolled to the top, whose timers the test runs by hand. Events have no element under
// them, so a position is the fraction of the width and the pixels from the top.
function fakePage() {
  const listeners = new Map();
  const timers = [];
  const win = {
    scrollX: 0,
    scrollY: 0,
    setTimeout: (callback) => timers.push(callback),
    clearTimeout: () => {},
  };
  const doc = {
    defaultView: win,
    documentElement: { scrollWidth: 1000 },
    addEventListener: (type, listener) => listeners.set(type, listener),
    removeEventListener: (type) => listeners.delete(type),
  };
  return {
    doc,
    fire: (type, clientX, clientY, detail = 1) => listeners.get(type)({ type, target: null, clientX, clientY, detail }),
    tick: () => timers.shift()?.(),
    listening: (type) => listeners.has(type),
  };
}

test('a click goes out flagged, even where the mouse already was', () => {
  const page = fakePage();
  const sent = [];
  trackMouse(page.doc, (anchor) => sent.push(anchor));

  page.fire('mousemove', 500, 40);
  page.tick();
  page.fire('click', 500, 40);

  assert.deepEqual(sent, [{ path: '', x: 0.5, y: 40 }, { path: '', x: 0.5, y: 40, click: true }]);
});

test('a click within the interval waits for it, and a move after it follows rather than replacing it', () => {
  const page = fakePage();
  const sent = [];
  trackMouse(page.doc, (anchor) => sent.push(anchor));

  page.fire('mousemove', 100, 10);
  page.fire('mousemove', 200, 20);
  page.fire('click', 250, 25);
  page.fire('mousemove', 300, 30);
  assert.equal(sent.length, 1);
  page.tick();
  page.tick();
  page.tick();

  assert.deepEqual(sent, [
    { path: '', x: 0.1, y: 10 },
    { path: '', x: 0.25, y: 25, click: true },
    { path: '', x: 0.3, y: 30 },
  ]);
});

test('a move is never flagged, and a click the keyboard made sends nothing', () => {
  const page = fakePage();
  const sent = [];
  trackMouse(page.doc, (anchor) => sent.push(anchor));

  page.fire('click', 0, 0, 0);
  page.fire('mousemove', 100, 10);
  page.tick();
  page.fire('mousemove', 200, 20);

  assert.deepEqual(sent, [{ path: '', x: 0.1, y: 10 }, { path: '', x: 0.2, y: 20 }]);
});

test('stopping stops listening to clicks too', () => {
  const page = fakePage();
  trackMouse(page.doc, () => {})();

  assert.equal(page.listening('click'), false);
  assert.equal(page.listening('mousemove'), false);
});
