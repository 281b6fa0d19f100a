import { embedBubble } from './bubble.js';
import { readConfig } from './config.js';
import { embedInline } from './inline.js';
import { watchPage } from './page.js';

// Only while this script first runs does currentScript point at its tag, and the widget lives
// wherever this script was loaded from.
const script = document.currentScript;

function start() {
  const origin = new URL(script.src).origin;
  const frames = embedInline(document, origin);
  const bubble = script.hasAttribute('data-widget-tag') && readConfig(script);
  if (bubble) frames.push(embedBubble(document, origin, bubble));
  if (frames.length) watchPage(window, (page) => frames.forEach((frame) => frame.send(page)));
}

// An async script can run before the rest of the page, and its containers, have been parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
