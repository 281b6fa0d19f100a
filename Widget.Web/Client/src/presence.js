import { plural } from './text.js';

// Green dots by the names of people here now, and how many are here (anonymous viewers counted,
// never named). The server sends who is here on every join, then small diffs.
export function createPresence(widget) {
  const line = widget.querySelector('.presence');
  const here = new Set();
  let count = 0;
  let onPage = 0;

  function render() {
    line.textContent = count > 0 ? plural('textHere', count) + (onPage > 0 ? ` · ${plural('textOnPage', onPage)}` : '') : '';
  }

  // Per-viewer marks are attributes over the shared markup, so the server's HTML stays one for all.
  function mark(article) {
    article.toggleAttribute('data-online', here.has(Number(article.dataset.authorId)));
  }

  const markAll = () => widget.querySelectorAll('.post[data-author-id]').forEach(mark);

  // Posts arrive live, on catch-up and from scrolling back: marking them as they enter covers all three.
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => node.matches?.('.post') && mark(node));
    }
  }).observe(widget.querySelector('.posts'), { childList: true });

  return {
    reset(snapshot) {
      if (!snapshot) return;
      here.clear();
      snapshot.users.forEach((user) => here.add(user.id));
      count = snapshot.count;
      markAll();
      render();
    },
    // Diffs carry absolute counts and set-like changes, so applying one twice does no harm.
    apply(diff) {
      diff.joined.forEach((user) => here.add(user.id));
      diff.left.forEach((id) => here.delete(id));
      count = diff.count;
      markAll();
      render();
    },
    page(n) {
      onPage = n;
      render();
    },
  };
}
