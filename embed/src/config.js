import { readAccent } from './accent.js';

// The server's tag characters: letters, marks, decimal digits and '_', not digits alone. Checked
// here so that a typo shows in the console rather than as a framed "not found".
const TAG = /^(?!\p{Nd}+$)[\p{L}\p{M}\p{Nd}_]{1,64}$/u;
// The server's limit on a site's title.
const MAX_TITLE = 80;

const MIN_HEIGHT = 200;
const MAX_HEIGHT = 800;
// Before the widget reports its own height.
const FIRST_HEIGHT = 400;
// No sane frame is taller; the cap keeps a typo like "80000" from swallowing the page.
const LIMIT = 4000;

const pixels = (value, fallback) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? Math.min(Math.round(number), LIMIT) : fallback;
};

// `element` is the webmaster's container or, for the bubble, the script tag itself.
export function readConfig(element) {
  const attribute = (name) => element.getAttribute(`data-widget-${name}`);
  const tag = (attribute('tag') || '').trim().replace(/^#/, '');
  if (!TAG.test(tag.normalize())) {
    console.warn(`Widget: "${attribute('tag')}" is not a chat tag.`);
    return null;
  }
  const minHeight = pixels(attribute('min-height'), MIN_HEIGHT);
  // By code points, so that an emoji at the limit is not cut in half.
  const title = [...(attribute('title') || '').trim()].slice(0, MAX_TITLE).join('');
  return {
    tag,
    title: title || `Chat #${tag}`,
    titled: title !== '',
    accent: readAccent(attribute('accent')),
    minHeight,
    maxHeight: Math.max(minHeight, pixels(attribute('max-height'), MAX_HEIGHT)),
    side: attribute('position') === 'bottom-left' ? 'left' : 'right',
  };
}

export const clampHeight = (height, { minHeight, maxHeight }) =>
  Math.round(Math.min(maxHeight, Math.max(minHeight, height)));

export const firstHeight = (config) => clampHeight(FIRST_HEIGHT, config);

// The host page's address goes by message rather than in here: navigating the host must not reload
// the chat, and every host page gets the same, cacheable widget page.
export const frameUrl = (origin, tag) => `${origin}/w/${encodeURIComponent(tag)}?embed=1`;
