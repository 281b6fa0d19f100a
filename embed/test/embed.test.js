import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addElement, createWindow } from './fake-dom.js';

// The entry point runs on import, against the page in globalThis; each import below gets its own
// copy of the module by way of the query string.
async function run(name, { readyState }) {
  const window = createWindow();
  const { document } = window;
  document.readyState = readyState;
  document.currentScript = addElement(document, 'script', { 'data-widget-tag': 'bubbly' });
  document.currentScript.src = 'https://chat.example/embed.js?v=3';
  const container = addElement(document, 'div', { 'data-widget-tag': 'inline' });
  Object.assign(globalThis, { window, document });
  await import(`../src/embed.js?${name}`);
  return { window, document, container };
}

test('takes the widget origin from its own src and sets up both kinds of chat', async () => {
  const { window, document, container } = await run('parsed', { readyState: 'complete' });
  assert.equal(container.children[0].textContent, 'Chat #inline — loading…');
  window.observers[0].enter(container);
  assert.equal(container.find('iframe')[0].src, 'https://chat.example/w/inline?embed=1');

  const bubble = document.body.children.at(-1);
  bubble.find('button')[0].click();
  assert.equal(bubble.find('iframe')[0].src, 'https://chat.example/w/bubbly?embed=1');
  assert.equal(window.intervals.length, 1);
});

test('waits for the page to be parsed', async () => {
  const { document, container } = await run('loading', { readyState: 'loading' });
  assert.deepEqual(container.children, []);
  document.dispatch('DOMContentLoaded');
  assert.equal(container.children.length, 1);
});
