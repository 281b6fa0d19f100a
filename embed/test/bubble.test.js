import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgeText, buttonLabel, embedBubble } from '../src/bubble.js';
import { createWindow } from './fake-dom.js';

const ORIGIN = 'https://chat.example';
const CONFIG = { tag: 'mysite', title: 'Chat #mysite', titled: false, accent: null, minHeight: 200, maxHeight: 800, side: 'left' };

function setUp(options, config = CONFIG) {
  const window = createWindow(options);
  const bubble = embedBubble(window.document, ORIGIN, config);
  const [root] = window.document.body.children;
  const [button] = root.find('button');
  const [badge] = root.find('span');
  const iframe = () => root.find('iframe')[0];
  const fromFrame = (data) => window.dispatch('message', { origin: ORIGIN, source: iframe().contentWindow, data });
  const posted = () => iframe().contentWindow.posted.map(({ data }) => data);
  return { window, bubble, root, button, badge, iframe, fromFrame, posted };
}

test('writes the unread count for the badge', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(-3), '');
  assert.equal(badgeText(1), '1');
  assert.equal(badgeText(99), '99');
  assert.equal(badgeText(100), '99+');
  assert.equal(badgeText(12345), '99+');
});

test('adds one element to the page, fixed in the chosen corner', () => {
  const { window, root } = setUp();
  assert.equal(window.document.body.children.length, 1);
  assert.equal(root.style.position, 'fixed');
  assert.equal(root.style.left, '20px');
  assert.equal(root.style.right, undefined);
  assert.ok(root.shadowRoot);
});

test('is a labelled, closed button', () => {
  const { button, badge } = setUp();
  assert.equal(button.type, 'button');
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(button.getAttribute('aria-label'), 'Chat #mysite');
  assert.equal(badge.hidden, true);
});

test('takes the site\'s accent, with an icon that stands out on it', () => {
  const { button } = setUp({}, { ...CONFIG, accent: '#ffd54f' });
  assert.equal(button.style.background, '#ffd54f');
  assert.equal(button.style.color, '#000');
});

test('keeps its own blue, with a white icon, when the snippet names no accent', () => {
  const { button } = setUp();
  assert.equal(button.style.background, '#2458d6');
  assert.equal(button.style.color, '#fff');
});

test('is named by the site\'s title', () => {
  const { button, iframe, fromFrame } = setUp({}, { ...CONFIG, title: 'Чат о котах', titled: true });
  button.click();
  assert.equal(button.getAttribute('aria-label'), 'Чат о котах');
  assert.equal(iframe().title, 'Чат о котах');
  button.click();
  fromFrame({ type: 'widget:post' });
  assert.equal(button.getAttribute('aria-label'), 'Чат о котах, 1 new');
});

test('loads the chat closed once the host page has loaded, and counts posts before the first open', () => {
  const { window, button, badge, iframe, fromFrame } = setUp();
  assert.equal(iframe(), undefined);
  window.dispatch('load');
  assert.equal(iframe().src, 'https://chat.example/w/mysite?embed=1');
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  fromFrame({ type: 'widget:post' });
  assert.equal(badge.textContent, '1');
  button.click();
  assert.equal(badge.hidden, true);
});

test('loads the chat at once on a page that has already loaded', () => {
  const window = createWindow();
  window.document.readyState = 'complete';
  embedBubble(window.document, ORIGIN, CONFIG);
  assert.equal(window.document.body.children[0].find('iframe').length, 1);
});

test('opens and closes the panel, with the chat loaded once', () => {
  const { root, button, iframe } = setUp();
  const panel = root.shadowRoot.children[1];
  button.click();
  assert.equal(button.getAttribute('aria-expanded'), 'true');
  assert.equal(panel.style.visibility, 'visible');
  const first = iframe();
  assert.equal(first.src, 'https://chat.example/w/mysite?embed=1');
  button.click();
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(panel.style.visibility, 'hidden');
  button.click();
  assert.equal(iframe(), first);
  assert.equal(root.find('iframe').length, 1);
});

test('counts posts while closed, shows them, and forgets them on opening', () => {
  const { button, badge, fromFrame } = setUp();
  button.click();
  fromFrame({ type: 'widget:post' });
  assert.equal(badge.hidden, true);
  button.click();
  fromFrame({ type: 'widget:post' });
  fromFrame({ type: 'widget:post' });
  assert.equal(badge.textContent, '2');
  assert.equal(badge.hidden, false);
  assert.equal(button.getAttribute('aria-label'), 'Chat #mysite, 2 new');
  button.click();
  assert.equal(badge.hidden, true);
  assert.equal(button.getAttribute('aria-label'), 'Chat #mysite');
});

test('caps the badge at 99+', () => {
  const { button, badge, fromFrame } = setUp();
  button.click();
  button.click();
  for (let i = 0; i < 150; i++) fromFrame({ type: 'widget:post' });
  assert.equal(badge.textContent, '99+');
});

test('tells the widget whether it is shown, once it is ready', () => {
  const { button, fromFrame, posted } = setUp();
  button.click();
  fromFrame({ type: 'widget:ready' });
  button.click();
  assert.deepEqual(posted().filter((message) => message.type === 'widget:visibility'), [
    { type: 'widget:visibility', open: true },
    { type: 'widget:visibility', open: false },
  ]);
});

test('passes page changes on to its chat', () => {
  const { bubble, button, fromFrame, posted } = setUp();
  bubble.send({ type: 'widget:page', url: 'https://host.example/before-open', title: '' });
  button.click();
  fromFrame({ type: 'widget:ready' });
  bubble.send({ type: 'widget:page', url: 'https://host.example/next', title: 'Next' });
  assert.deepEqual(posted().filter((message) => message.type === 'widget:page').map((message) => message.url), [
    'https://host.example/page',
    'https://host.example/next',
  ]);
});

test('closes on Escape and gives focus back to the button', () => {
  const { window, root, button } = setUp();
  button.click();
  root.shadowRoot.dispatch('keydown', { key: 'Escape' });
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(window.document.activeElement, button);
});

test('animates the panel unless the visitor asked for less motion', () => {
  const panelOf = ({ root }) => root.shadowRoot.children[1];
  assert.notEqual(panelOf(setUp()).style.transition, 'none');
  assert.equal(panelOf(setUp({ reducedMotion: true })).style.transition, 'none');
});

test('the button counts new posts in the plural forms of the widget\'s language', () => {
  const russian = {
    lang: 'ru',
    words: { chat: 'Чат #{0}', newPosts: { one: '{0} новое сообщение', few: '{0} новых сообщения', many: '{0} новых сообщений', other: '{0} нового сообщения' } },
  };
  const said = [1, 2, 5, 11, 21, 22].map((n) => buttonLabel('news', n, russian));
  assert.deepEqual(said, [
    'Чат #news, 1 новое сообщение',
    'Чат #news, 2 новых сообщения',
    'Чат #news, 5 новых сообщений',
    'Чат #news, 11 новых сообщений',
    'Чат #news, 21 новое сообщение',
    'Чат #news, 22 новых сообщения',
  ]);
  assert.equal(buttonLabel('news', 0, russian), 'Чат #news');
  assert.equal(buttonLabel('news', 1), 'Chat #news, 1 new');
});

test('in a browsing session, opens on the next page of the site if it was open when the last one was left', () => {
  const stored = new Map();
  const onPage = () => {
    const page = setUp({ stored });
    page.window.dispatch('load');
    return page;
  };
  const first = onPage();
  first.button.click();
  first.fromFrame({ type: 'widget:together', active: true });

  const second = onPage();
  assert.equal(second.button.getAttribute('aria-expanded'), 'false');
  second.fromFrame({ type: 'widget:together', active: true });
  assert.equal(second.button.getAttribute('aria-expanded'), 'true');
  second.button.click();

  const third = onPage();
  third.fromFrame({ type: 'widget:together', active: true });
  assert.equal(third.button.getAttribute('aria-expanded'), 'false');
});

test('without a browsing session, opens on no page by itself', () => {
  const stored = new Map([['widget-together-open:mysite', '1']]);
  const { window, button } = setUp({ stored });
  window.dispatch('load');
  assert.equal(button.getAttribute('aria-expanded'), 'false');
});

test('opens at once on a page opened by an invitation to browse together', () => {
  const { button, iframe } = setUp({ href: 'https://host.example/pricing#widget-together=mrYac6Sh5HghfwhYG5CpOw' });
  assert.equal(button.getAttribute('aria-expanded'), 'true');
  assert.equal(iframe().src, 'https://chat.example/w/mysite?embed=1');
});

test('a session announced by another origin or another window opens nothing', () => {
  const stored = new Map([['widget-together-open:mysite', '1']]);
  const { window, button, iframe } = setUp({ stored });
  window.dispatch('load');
  window.dispatch('message', { origin: 'https://evil.example', source: iframe().contentWindow, data: { type: 'widget:together', active: true } });
  window.dispatch('message', { origin: ORIGIN, source: { postMessage() {} }, data: { type: 'widget:together', active: true } });
  assert.equal(button.getAttribute('aria-expanded'), 'false');
});
