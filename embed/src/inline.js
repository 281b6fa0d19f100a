import { readConfig } from './config.js';
import { createFrame } from './frame.js';

// Marks a container as taken, so that the snippet pasted twice still makes one chat per container.
const TAKEN = 'data-widget-embedded';
// Start loading a little before the chat scrolls into view.
const AHEAD = '300px';

// Puts a chat in every container on the page; returns their frames.
export function embedInline(doc, origin) {
  const win = doc.defaultView;
  const frames = [];
  const waiting = new Map();
  const observer = win.IntersectionObserver && new win.IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (!isIntersecting) continue;
      observer.unobserve(target);
      waiting.get(target).load();
      waiting.delete(target);
    }
  }, { rootMargin: AHEAD });

  for (const container of doc.querySelectorAll('[data-widget-tag]')) {
    // A tagged script tag asks for a bubble, not for a chat in its place.
    if (container.tagName === 'SCRIPT' || container.hasAttribute(TAKEN)) continue;
    container.setAttribute(TAKEN, '');
    const config = readConfig(container);
    if (!config) continue;
    const frame = createFrame(container, origin, config);
    frames.push(frame);
    if (observer) {
      waiting.set(container, frame);
      observer.observe(container);
    } else {
      frame.load();
    }
  }
  return frames;
}
