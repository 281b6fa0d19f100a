import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptMessage, pageMessage, visibilityMessage } from '../src/messages.js';

const ORIGIN = 'https://chat.example';
const frame = {};
const event = (data, overrides = {}) => ({ origin: ORIGIN, source: frame, data, ...overrides });

test('accepts the widget messages from our frame', () => {
  assert.deepEqual(acceptMessage(event({ type: 'widget:ready' }), ORIGIN, frame), { type: 'widget:ready' });
  assert.deepEqual(acceptMessage(event({ type: 'widget:post' }), ORIGIN, frame), { type: 'widget:post' });
  assert.deepEqual(acceptMessage(event({ type: 'widget:resize', height: 512.5 }), ORIGIN, frame), { type: 'widget:resize', height: 512.5 });
});

test('ignores a message from another origin', () => {
  const message = event({ type: 'widget:resize', height: 300 }, { origin: 'https://evil.example' });
  assert.equal(acceptMessage(message, ORIGIN, frame), null);
});

test('ignores a message from another window of our origin, such as a second widget', () => {
  const message = event({ type: 'widget:post' }, { source: {} });
  assert.equal(acceptMessage(message, ORIGIN, frame), null);
});

test('ignores everything while there is no frame yet', () => {
  assert.equal(acceptMessage(event({ type: 'widget:ready' }, { source: null }), ORIGIN, null), null);
});

test('ignores unknown and malformed messages', () => {
  for (const data of [null, undefined, 'widget:ready', 42, {}, { type: 'widget:page' }, { type: 'other' }]) {
    assert.equal(acceptMessage(event(data), ORIGIN, frame), null, JSON.stringify(data));
  }
});

test('ignores heights that are not finite, sane numbers', () => {
  for (const height of [NaN, Infinity, -1, 100001, '300', null, undefined]) {
    assert.equal(acceptMessage(event({ type: 'widget:resize', height }), ORIGIN, frame), null, String(height));
  }
});

test('keeps only the known fields', () => {
  const message = acceptMessage(event({ type: 'widget:post', text: 'secret', count: 5 }), ORIGIN, frame);
  assert.deepEqual(message, { type: 'widget:post' });
});

test('describes the page without its hash and with a capped title', () => {
  assert.deepEqual(pageMessage('https://host.example/a?b=1#access_token=x', 'T'.repeat(500)), {
    type: 'widget:page',
    url: 'https://host.example/a?b=1',
    title: 'T'.repeat(300),
  });
});

test('says whether the chat is shown', () => {
  assert.deepEqual(visibilityMessage(false), { type: 'widget:visibility', open: false });
});

test('keeps the chat button words of a ready message, and only short strings under known names', () => {
  const words = { chat: 'Чат #{0}', newPosts: { one: '{0} новое сообщение', many: '{0} новых сообщений', other: '{0} нового сообщения', evil: 'x' } };
  assert.deepEqual(acceptMessage(event({ type: 'widget:ready', lang: 'ru', words }), ORIGIN, frame), {
    type: 'widget:ready',
    lang: 'ru',
    words: { chat: 'Чат #{0}', newPosts: { one: '{0} новое сообщение', many: '{0} новых сообщений', other: '{0} нового сообщения' } },
  });
  for (const bad of [
    { lang: 'ru"><', words },
    { lang: 'ru', words: { ...words, chat: 'x'.repeat(201) } },
    { lang: 'ru', words: { chat: 'Чат', newPosts: { one: 'no other form' } } },
    { lang: 'ru', words: { chat: 42, newPosts: words.newPosts } },
  ]) {
    assert.deepEqual(acceptMessage(event({ type: 'widget:ready', ...bad }), ORIGIN, frame), { type: 'widget:ready' });
  }
});

test('reads whether a together session began, and nothing else from it', () => {
  assert.deepEqual(acceptMessage(event({ type: 'widget:together', active: true, src: 'https://evil.example/x.js' }), ORIGIN, frame), { type: 'widget:together', active: true });
  assert.deepEqual(acceptMessage(event({ type: 'widget:together', active: 'yes' }), ORIGIN, frame), { type: 'widget:together', active: false });
  assert.equal(acceptMessage(event({ type: 'widget:together', active: true }, { origin: 'https://evil.example' }), ORIGIN, frame), null);
});
