import { anchorOf } from './anchor.js';

// At most 20 positions a second, and none while the mouse stands still.
const INTERVAL_MS = 50;

export function trackMouse(doc, send) {
  const win = doc.defaultView;
  let latest = null;
  let sent = '';
  let timer = 0;

  const flush = () => {
    timer = 0;
    if (!latest) return;
    const anchor = anchorOf(doc, latest.target, latest.clientX, latest.clientY);
    latest = null;
    const key = JSON.stringify(anchor);
    if (key === sent) return;
    sent = key;
    send(anchor);
    timer = win.setTimeout(flush, INTERVAL_MS);
  };

  const moved = (event) => {
    latest = event;
    if (!timer) flush();
  };
  doc.addEventListener('mousemove', moved, { passive: true });
  return () => {
    doc.removeEventListener('mousemove', moved);
    win.clearTimeout(timer);
  };
}
