import assert from 'node:assert/strict';
import { test } from 'node:test';
import { showPods } from '../src/together/pods.js';
import { createWindow } from './fake-dom.js';

// A page 1000 pixels wide whose timers the test runs by hand, and a port that records what the module sends.
function fakePage({ reducedMotion = false } = {}) {
  const window = createWindow({ reducedMotion });
  const { document } = window;
  const timers = [];
  Object.assign(window, { scrollX: 0, scrollY: 0, innerHeight: 600, setTimeout: (callback) => timers.push(callback), clearTimeout: () => {} });
  document.documentElement = Object.assign(document.createElement('html'), { scrollWidth: 1000, clientWidth: 1000 });
  const port = { sent: [], closed: false, postMessage(message) { this.sent.push(message); }, close() { this.closed = true; } };
  const say = (data) => port.onmessage({ data });
  const move = (clientX, clientY) => document.dispatch('mousemove', { target: null, clientX, clientY });
  const pods = () => [...document.documentElement.descendants()].filter((e) => e.hasAttribute('data-widget-pod'));
  return { window, document, port, say, move, pods, tick: () => timers.shift()?.() };
}

const anna = { type: 'pod', userId: 7, name: 'Anna', color: '#c2185b' };

test('a pod is drawn with its name and colour, hidden from screen readers, and goes when its visitor does', () => {
  const page = fakePage();
  showPods(page.document, page.port);

  page.say({ ...anna, path: '', x: 0.5, y: 300 });

  const [pod] = page.pods();
  assert.equal(pod.getAttribute('data-widget-pod'), 'Anna');
  assert.equal(pod.children[1].textContent, 'Anna');
  assert.equal(pod.children[1].style.background, '#c2185b');
  assert.equal(pod.style.transform, 'translate(500px, 300px)');
  assert.equal(pod.parent.getAttribute('aria-hidden'), 'true');
  assert.equal(pod.style.transition, 'transform 90ms linear');

  page.say({ type: 'pod-gone', userId: 7 });
  assert.equal(page.pods().length, 0);
});

test('clear takes away every pod, for a new page of a single-page app', () => {
  const page = fakePage();
  showPods(page.document, page.port);
  page.say({ ...anna, path: '', x: 0.5, y: 300 });
  page.say({ ...anna, userId: 8, name: 'Boris', path: '', x: 0.2, y: 100 });

  page.say({ type: 'clear' });

  assert.equal(page.pods().length, 0);
});

test('for a visitor who asked for less motion a pod jumps instead of gliding', () => {
  const page = fakePage({ reducedMotion: true });
  showPods(page.document, page.port);

  page.say({ ...anna, path: '', x: 0.5, y: 300 });

  assert.equal(page.pods()[0].style.transition, 'none');
});

test('the mouse is sent only while the visitor chose to be shown, without clicks', () => {
  const page = fakePage();
  showPods(page.document, page.port);

  page.move(100, 40);
  page.say({ type: 'track', on: true });
  page.move(500, 40);
  page.tick();
  page.say({ type: 'track', on: false });
  page.move(600, 80);
  page.tick();

  assert.deepEqual(page.port.sent, [{ type: 'move', path: '', x: 0.5, y: 40 }]);
});

test('stop takes the pods away and closes the port', () => {
  const page = fakePage();
  showPods(page.document, page.port);
  page.say({ ...anna, path: '', x: 0.5, y: 300 });

  page.say({ type: 'stop' });

  assert.equal(page.pods().length, 0);
  assert.equal(page.port.closed, true);
});
