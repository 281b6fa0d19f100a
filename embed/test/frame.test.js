import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFrame } from '../src/frame.js';
import { addElement, createWindow } from './fake-dom.js';

const ORIGIN = 'https://chat.example';
const CONFIG = { tag: 'кот', title: 'Chat #кот', accent: null, minHeight: 200, maxHeight: 800, side: 'right' };

function setUp(hooks) {
  const window = createWindow({ href: 'https://host.example/page?q=1#top', title: 'Host page' });
  const container = addElement(window.document, 'div');
  const frame = createFrame(container, ORIGIN, CONFIG, hooks);
  const iframe = () => container.children.find((child) => child.tagName === 'IFRAME');
  // A message as our widget in this frame would post it.
  const fromFrame = (data, overrides) => window.dispatch('message', { origin: ORIGIN, source: iframe().contentWindow, data, ...overrides });
  return { window, container, frame, iframe, fromFrame };
}

test('shows a placeholder, at the first height, until asked to load', () => {
  const { container } = setUp();
  assert.equal(container.children.length, 1);
  assert.equal(container.children[0].textContent, 'Chat #кот — loading…');
  assert.equal(container.children[0].style.height, '400px');
});

test('replaces whatever the container held', () => {
  const window = createWindow();
  const container = addElement(window.document, 'div');
  container.append(window.document.createElement('a'));
  createFrame(container, ORIGIN, CONFIG);
  assert.deepEqual(container.children.map((child) => child.tagName), ['DIV']);
});

test('loads the widget page in an iframe', () => {
  const { frame, iframe } = setUp();
  frame.load();
  assert.equal(iframe().src, 'https://chat.example/w/%D0%BA%D0%BE%D1%82?embed=1');
  assert.equal(iframe().title, 'Chat #кот');
  assert.equal(iframe().getAttribute('loading'), 'lazy');
  assert.equal(iframe().getAttribute('allow'), 'storage-access; camera; microphone; display-capture; autoplay; fullscreen');
  assert.equal(iframe().style.width, '100%');
  assert.equal(iframe().style.border, '0');
});

test('loads once however often asked', () => {
  const { frame, container } = setUp();
  frame.load();
  frame.load();
  assert.equal(container.find('iframe').length, 1);
});

test('swaps the placeholder for the iframe once its page has loaded', () => {
  const { frame, container, iframe } = setUp();
  frame.load();
  assert.equal(iframe().style.height, '0');
  assert.equal(container.children.length, 2);
  iframe().dispatch('load');
  assert.deepEqual(container.children, [iframe()]);
  assert.equal(iframe().style.height, '400px');
});

test('takes the height the widget reports, within the limits', () => {
  const { frame, iframe, fromFrame } = setUp();
  frame.load();
  iframe().dispatch('load');
  fromFrame({ type: 'widget:resize', height: 523 });
  assert.equal(iframe().style.height, '523px');
  fromFrame({ type: 'widget:resize', height: 5000 });
  assert.equal(iframe().style.height, '800px');
  fromFrame({ type: 'widget:resize', height: 20 });
  assert.equal(iframe().style.height, '200px');
});

test('keeps a height reported before the page loaded for when it shows', () => {
  const { frame, iframe, fromFrame } = setUp();
  frame.load();
  fromFrame({ type: 'widget:resize', height: 300 });
  assert.equal(iframe().style.height, '0');
  iframe().dispatch('load');
  assert.equal(iframe().style.height, '300px');
});

test('ignores a resize from another origin or another window', () => {
  const { frame, iframe, fromFrame } = setUp();
  frame.load();
  iframe().dispatch('load');
  fromFrame({ type: 'widget:resize', height: 700 }, { origin: 'https://evil.example' });
  fromFrame({ type: 'widget:resize', height: 700 }, { source: {} });
  assert.equal(iframe().style.height, '400px');
});

test('keeps two widgets on one page apart', () => {
  const window = createWindow();
  const [one, two] = [addElement(window.document, 'div'), addElement(window.document, 'div')];
  const posts = [0, 0];
  createFrame(one, ORIGIN, CONFIG, { onPost: () => posts[0]++ }).load();
  createFrame(two, ORIGIN, CONFIG, { onPost: () => posts[1]++ }).load();
  const [first, second] = [one.find('iframe')[0], two.find('iframe')[0]];
  [first, second].forEach((iframe) => iframe.dispatch('load'));
  window.dispatch('message', { origin: ORIGIN, source: second.contentWindow, data: { type: 'widget:resize', height: 650 } });
  window.dispatch('message', { origin: ORIGIN, source: second.contentWindow, data: { type: 'widget:post' } });
  assert.deepEqual([first.style.height, second.style.height], ['400px', '650px']);
  assert.deepEqual(posts, [0, 1]);
});

test('tells a ready widget where it is, and only our origin', () => {
  let readies = 0;
  const { frame, iframe, fromFrame } = setUp({ onReady: () => readies++ });
  frame.load();
  fromFrame({ type: 'widget:ready' });
  assert.deepEqual(iframe().contentWindow.posted, [
    { data: { type: 'widget:page', url: 'https://host.example/page?q=1', title: 'Host page' }, origin: ORIGIN },
  ]);
  assert.equal(readies, 1);
});

test('sends nothing before the widget is ready', () => {
  const { frame, iframe } = setUp();
  frame.send({ type: 'widget:visibility', open: true });
  frame.load();
  frame.send({ type: 'widget:visibility', open: true });
  assert.deepEqual(iframe().contentWindow.posted, []);
});

test('passes on posts by others', () => {
  let posts = 0;
  const { frame, fromFrame } = setUp({ onPost: () => posts++ });
  frame.load();
  fromFrame({ type: 'widget:post' });
  fromFrame({ type: 'widget:post' }, { origin: 'https://evil.example' });
  assert.equal(posts, 1);
});
