import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goTo, placeOf, watchPlace } from '../src/together/place.js';

// A window whose location follows its href, with a history that moves it as a single-page app's does.
function fakeWindow(href) {
  const listeners = new Map();
  const assigned = [];
  const url = () => new URL(win.href);
  const win = {
    href,
    assigned,
    location: {
      get origin() { return url().origin; },
      get pathname() { return url().pathname; },
      get search() { return url().search; },
      get hash() { return url().hash; },
      set hash(value) { win.href = `${url().href.split('#')[0]}${value}`; },
      assign(next) { assigned.push(next); },
    },
    history: {
      pushState(state, title, next) { win.href = new URL(next, win.href).href; },
      replaceState(state, title, next) { win.href = new URL(next, win.href).href; },
    },
    addEventListener: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: (type, listener) => listeners.set(type, (listeners.get(type) ?? []).filter((l) => l !== listener)),
    dispatch: (type) => (listeners.get(type) ?? []).forEach((listener) => listener({})),
    dispatchEvent: (event) => (listeners.get(event.type) ?? []).forEach((listener) => listener(event)),
    PopStateEvent: class {
      constructor(type, init) {
        this.type = type;
        this.state = init?.state;
      }
    },
  };
  return win;
}

test('a place is the path, query and hash, without a hash that holds tokens or the invitation', () => {
  assert.equal(placeOf(fakeWindow('https://site.example/pricing/lunch?size=2#menu').location), '/pricing/lunch?size=2#menu');
  assert.equal(placeOf(fakeWindow('https://site.example/back#access_token=secret&state=1').location), '/back');
  assert.equal(placeOf(fakeWindow('https://site.example/#widget-together=mrYac6Sh5HghfwhYG5CpOw').location), '/');
});

test('reports the place at once, then each pushState, popstate and hash change, and unwraps history on stop', () => {
  const win = fakeWindow('https://site.example/pricing');
  const { pushState } = win.history;
  const seen = [];
  const stop = watchPlace(win, (place, route) => seen.push([place, route]));

  win.history.pushState(null, '', '/pricing/lunch');
  win.href = 'https://site.example/pricing';
  win.dispatch('popstate');
  win.href = 'https://site.example/pricing#dinner';
  win.dispatch('hashchange');
  win.dispatch('hashchange');
  stop();
  win.history.pushState(null, '', '/elsewhere');

  assert.deepEqual(seen, [['/pricing', false], ['/pricing/lunch', true], ['/pricing', true], ['/pricing#dinner', true]]);
  assert.equal(win.history.pushState, pushState);
});

test('goes only to a place on the same site, by hash alone when only the hash differs', () => {
  const win = fakeWindow('https://site.example/pricing');
  for (const place of ['javascript:alert(1)', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 42, '/pricing']) {
    goTo(win, place);
  }
  assert.deepEqual(win.assigned, []);

  goTo(win, '/pricing#dinner');
  assert.equal(win.href, 'https://site.example/pricing#dinner');
  goTo(win, '/pricing/lunch?size=2');
  assert.deepEqual(win.assigned, ['https://site.example/pricing/lunch?size=2']);
});

test("takes a route without loading the page: a new history entry, and a popstate for the router of the page", () => {
  const win = fakeWindow('https://site.example/pricing');
  const heard = [];
  win.addEventListener('popstate', (event) => heard.push([event.type, win.href]));

  goTo(win, '/pricing/lunch', true);
  goTo(win, '//evil.example/pricing', true);

  assert.equal(win.href, 'https://site.example/pricing/lunch');
  assert.deepEqual(heard, [['popstate', 'https://site.example/pricing/lunch']]);
  assert.deepEqual(win.assigned, []);
});
