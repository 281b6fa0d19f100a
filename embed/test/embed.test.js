import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addElement, createWindow } from './fake-dom.js';

// The entry point runs on import, against the page in globalThis; each import below gets its own
// copy of the module by way of the query string.
async function run(name, { readyState, script = {}, inline = {} }) {
  const window = createWindow();
  const { document } = window;
  document.readyState = readyState;
  document.currentScript = addElement(document, 'script', { 'data-widget-tag': 'bubbly', ...script });
  document.currentScript.src = 'https://chat.example/embed.js?v=3';
  const container = addElement(document, 'div', { 'data-widget-tag': 'inline', ...inline });
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

test('names each chat by the title in its snippet and colours the bubble in the site\'s accent', async () => {
  const { window, document, container } = await run('titled', {
    readyState: 'complete',
    script: { 'data-widget-title': 'Пузырь & "друзья"', 'data-widget-accent': '#FF6666' },
    inline: { 'data-widget-title': 'Чат <на странице>' },
  });
  window.observers[0].enter(container);
  assert.equal(container.find('iframe')[0].title, 'Чат <на странице>');

  const bubble = document.body.children.at(-1);
  const button = bubble.find('button')[0];
  assert.equal(button.getAttribute('aria-label'), 'Пузырь & "друзья"');
  assert.equal(button.style.background, '#ff6666');
  button.click();
  assert.equal(bubble.find('iframe')[0].title, 'Пузырь & "друзья"');
});
