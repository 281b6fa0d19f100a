import { text } from './text.js';
export async function fetchPage(tag, before) {
  const query = before ? `?before=${before}` : '';
  const response = await fetch(`/w/${encodeURIComponent(tag)}/posts${query}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { html: await response.text(), hasMore: response.headers.get('X-Has-More') === 'true' };
}

export function loadOlderOnScroll(log, tag, status) {
  const { list } = log;
  let busy = false;
  // Fetch before the reader hits the top, so scrolling back rarely stalls.
  const wanted = () => list.dataset.hasMore === 'true' && list.scrollTop < list.clientHeight / 2;

  async function load() {
    if (busy || !wanted()) return;
    busy = true;
    try {
      // One page may not fill a tall widget, and then no scroll event would ever come.
      do {
        const before = list.dataset.oldestSeq;
        const { html, hasMore } = await fetchPage(tag, before);
        // A reload after a long outage replaced the list meanwhile: this page no longer joins onto it.
        if (list.dataset.oldestSeq !== before) break;
        log.prepend(html, hasMore);
      } while (wanted());
      status.clear('older');
    } catch {
      status.set('older', text('textOlderFailed'));
    } finally {
      busy = false;
    }
  }

  list.addEventListener('scroll', load, { passive: true });
  load();
}
