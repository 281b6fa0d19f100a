import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invitation, watchPage } from '../src/page.js';
import { createWindow } from './fake-dom.js';

function watched() {
  const window = createWindow({ href: 'https://host.example/one', title: 'One' });
  const seen = [];
  watchPage(window, (page) => seen.push(page));
  return { window, seen };
}

test('reports a navigation seen by popstate', () => {
  const { window, seen } = watched();
  window.location.href = 'https://host.example/two';
  window.dispatch('popstate');
  assert.deepEqual(seen, [{ type: 'widget:page', url: 'https://host.example/two', title: 'One' }]);
});

test('reports a pushState navigation or a new title on the next poll', () => {
  const { window, seen } = watched();
  const [{ callback, ms }] = window.intervals;
  assert.ok(ms <= 5000);
  window.document.title = 'Two';
  callback();
  assert.deepEqual(seen.map((page) => page.title), ['Two']);
});

test('stays quiet when nothing changed, including only the hash', () => {
  const { window, seen } = watched();
  window.dispatch('popstate');
  window.location.href = 'https://host.example/one#section';
  window.dispatch('hashchange');
  window.intervals[0].callback();
  assert.deepEqual(seen, []);
});

test('finds a together invitation in the fragment, and only a well-formed one', () => {
  const at = (hash) => invitation(createWindow({ href: `https://host.example/one${hash}`, title: 'One' }));
  assert.deepEqual(at('#widget-together=mrYac6Sh5HghfwhYG5CpOw'), { type: 'widget:together-invite', session: 'mrYac6Sh5HghfwhYG5CpOw' });
  assert.deepEqual(at('#top&widget-together=mrYac6Sh5HghfwhYG5CpOw'), { type: 'widget:together-invite', session: 'mrYac6Sh5HghfwhYG5CpOw' });
  assert.equal(at('#widget-together=short'), null);
  assert.equal(at('#widget-together=mrYac6Sh5HghfwhYG5CpOw<script>'), null);
  assert.equal(at(''), null);
});
