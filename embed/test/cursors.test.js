import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCursors } from '../src/together/cursors.js';
import { createWindow } from './fake-dom.js';

// A page 1000 by 3000 pixels seen through a view 600 high, that records its timers, animations and scrolls.
function fakePage({ reducedMotion = false } = {}) {
  const window = createWindow({ reducedMotion });
  const { document } = window;
  const make = document.createElement;
  Object.assign(window, {
    scrollX: 0,
    scrollY: 0,
    innerHeight: 600,
    timers: [],
    animations: [],
    scrolls: [],
    setTimeout: (callback) => window.timers.push(callback),
    scrollTo(options) {
      window.scrolls.push(options);
      window.scrollY = options.top;
      window.dispatch('scroll');
    },
  });
  document.createElement = (tagName) => Object.assign(make(tagName), {
    offsetWidth: 80,
    animate: (frames, options) => window.animations.push({ frames, options }),
  });
  document.documentElement = Object.assign(make('html'), { scrollWidth: 1000, clientWidth: 1000 });
  return window;
}

const anna = { userId: 7, name: 'Anna', color: '#c2185b' };
const words = { above: '{0} is above', below: '{0} is below' };

const jumps = (window) => window.document.documentElement.find('button');
const ripples = (window) => [...window.document.documentElement.descendants()].filter((e) => e.hasAttribute('data-widget-ripple'));
const hiddenFromReaders = (element) => {
  for (let node = element; node; node = node.parent) if (node.getAttribute('aria-hidden') === 'true') return true;
  return false;
};

test('a cursor in view has no marker; scrolled out of view it gets a button on that edge that brings it back', () => {
  const window = fakePage();
  const cursors = createCursors(window.document);
  cursors.say(words);

  cursors.draw({ ...anna, path: '', x: 0.5, y: 300 });
  assert.equal(jumps(window).length, 0);
  window.scrollY = 1000;
  window.dispatch('scroll');

  const [jump] = jumps(window);
  assert.equal(jump.getAttribute('data-widget-jump'), 'Anna');
  assert.equal(jump.type, 'button');
  assert.equal(jump.children[0].textContent, 'Anna is above');
  assert.equal(jump.children[1].getAttribute('aria-hidden'), 'true');
  assert.equal(jump.style.top, '8px');
  assert.equal(hiddenFromReaders(jump), false);
  assert.deepEqual(window.scrolls, []);

  jump.click();

  assert.deepEqual(window.scrolls, [{ top: 0, behavior: 'smooth' }]);
  assert.equal(jumps(window).length, 0);
});

test('a cursor below the view says so, and leaving the session takes its marker too', () => {
  const window = fakePage();
  const cursors = createCursors(window.document);
  cursors.say(words);

  cursors.draw({ ...anna, path: '', x: 0.5, y: 2000 });
  const [jump] = jumps(window);
  assert.equal(jump.children[0].textContent, 'Anna is below');
  assert.equal(jump.style.bottom, '8px');

  jump.click();
  assert.deepEqual(window.scrolls, [{ top: 1700, behavior: 'smooth' }]);
  window.scrollY = 0;
  window.dispatch('scroll');
  cursors.remove(anna.userId);

  assert.equal(jumps(window).length, 0);
});

test('a click shows a ripple where the cursor is, hidden from screen readers, that grows and goes', () => {
  const window = fakePage();
  const cursors = createCursors(window.document);

  cursors.draw({ ...anna, path: '', x: 0.5, y: 300 });
  assert.equal(ripples(window).length, 0);
  cursors.draw({ ...anna, path: '', x: 0.5, y: 300, click: true });

  const [ring] = ripples(window);
  assert.equal(ring.getAttribute('data-widget-ripple'), 'Anna');
  assert.equal(hiddenFromReaders(ring), true);
  assert.deepEqual([ring.style.left, ring.style.top], ['484px', '284px']);
  assert.equal(window.animations.length, 1);
  window.timers.forEach((callback) => callback());
  assert.equal(ripples(window).length, 0);
});

test('for a visitor who asked for less motion a click is a still mark, and the jump does not glide', () => {
  const window = fakePage({ reducedMotion: true });
  const cursors = createCursors(window.document);

  cursors.draw({ ...anna, path: '', x: 0.5, y: 2000, click: true });
  jumps(window)[0].click();

  assert.equal(ripples(window).length, 1);
  assert.equal(window.animations.length, 0);
  assert.deepEqual(window.scrolls, [{ top: 1700, behavior: 'auto' }]);
});
