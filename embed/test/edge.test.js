import assert from 'node:assert/strict';
import { test } from 'node:test';
import { edgeOf } from '../src/together/edge.js';

const view = { scrollY: 1000, innerHeight: 600 };

test('a point above the view is above, one below it below, and one inside it or on its edges in view', () => {
  assert.equal(edgeOf(view, { top: 999 }), 'above');
  assert.equal(edgeOf(view, { top: 0 }), 'above');
  assert.equal(edgeOf(view, { top: 1601 }), 'below');
  assert.equal(edgeOf(view, { top: 1000 }), null);
  assert.equal(edgeOf(view, { top: 1300 }), null);
  assert.equal(edgeOf(view, { top: 1600 }), null);
});

test('the view at the top of the page has nothing above it', () => {
  assert.equal(edgeOf({ scrollY: 0, innerHeight: 600 }, { top: 0 }), null);
  assert.equal(edgeOf({ scrollY: 0, innerHeight: 600 }, { top: 700 }), 'below');
});
