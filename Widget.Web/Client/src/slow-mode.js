import { text } from './text.js';

// The page says how often one may post as it was when served; moderators' changes arrive live.
export function followSlowMode(widget, live, { tag }) {
  const notice = widget.querySelector('.slow-mode');
  live.on('SlowModeChanged', (event) => {
    if (event.tag !== tag) return;
    notice.textContent = event.seconds > 0 ? text('textSlowMode').replace('{0}', String(event.seconds)) : text('textSlowModeOff');
  });
}
