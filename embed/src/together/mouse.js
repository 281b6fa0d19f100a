import { anchorOf } from './anchor.js';

// At most 20 positions a second, and none while the mouse stands still. A click goes the same way, flagged, so
// the others can show it: it is sent even where the mouse already was, and a move after it waits its turn
// rather than replacing it.
const INTERVAL_MS = 50;

export function trackMouse(doc, send) {
  const win = doc.defaultView;
  let latest = null;
  let clickAt = null;
  let sent = '';
  let timer = 0;

  const flush = () => {
    timer = 0;
    const click = Boolean(clickAt);
    const anchor = clickAt ?? (latest && anchorOf(doc, latest.target, latest.clientX, latest.clientY));
    if (click) clickAt = null;
    else latest = null;
    if (!anchor) return;
    const key = JSON.stringify(anchor);
    if (key === sent && !click) return;
    sent = key;
    send(click ? { ...anchor, click } : anchor);
    timer = win.setTimeout(flush, INTERVAL_MS);
  };

  const moved = (event) => {
    latest = event;
    if (!timer) flush();
  };
  // A click the keyboard made (detail 0) has no place of the mouse to show.
  const clicked = (event) => {
    if (!event.detail) return;
    clickAt = anchorOf(doc, event.target, event.clientX, event.clientY);
    latest = null;
    if (!timer) flush();
  };
  doc.addEventListener('mousemove', moved, { passive: true });
  doc.addEventListener('click', clicked, { capture: true, passive: true });
  return () => {
    doc.removeEventListener('mousemove', moved);
    doc.removeEventListener('click', clicked, { capture: true });
    win.clearTimeout(timer);
  };
}
