import { adoptReplies, nestReply } from './threads.js';

// A template parses server fragments without running anything in them.
const template = document.createElement('template');

function parse(html) {
  template.innerHTML = html;
  return template.content;
}

// onAdded is called for each post newer than the page: live or caught up on, never one scrolled back to.
export function createLog(widget, { onAdded }) {
  const list = widget.querySelector('.posts');
  let lastSeq = Number(widget.dataset.lastSeq) || 0;
  // Follow new posts only while the reader is at the bottom; someone reading back keeps their place.
  let pinned = true;

  const follow = () => {
    if (pinned) list.scrollTop = list.scrollHeight;
  };

  const settle = () => {
    if (list.firstElementChild) widget.querySelector('.posts-empty')?.remove();
    follow();
  };

  // Scroll events are dispatched before resize observers in a frame, so one that lands just after
  // the log shrank would read the shrink as the reader scrolling up; the observer decides then.
  let observedHeight = list.clientHeight;
  list.addEventListener('scroll', () => {
    if (list.clientHeight !== observedHeight) return;
    pinned = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  }, { passive: true });
  // Showing the compose form or an on-screen keyboard shrinks the log; the newest post stays in view.
  new ResizeObserver(() => {
    observedHeight = list.clientHeight;
    follow();
  }).observe(list);
  // The log scrolls, so it must be reachable by keyboard.
  list.tabIndex = 0;
  // Chat opens at the newest post. Done now rather than on the first resize so that the check
  // for older posts that follows sees the real position.
  follow();

  const find = (id) => list.querySelector(`[data-post-id="${id}"]`);
  const has = (id) => find(id) !== null;

  // A post has one seq per tag, so the hub leaves it to us. A reply goes under its root when that is shown.
  function place(html, seq) {
    const article = parse(html).firstElementChild;
    article.dataset.seq = seq;
    if (!nestReply(list, article)) placeBySeq(article);
    return article;
  }

  function add(events) {
    for (const { seq, post, html } of events) {
      lastSeq = Math.max(lastSeq, seq);
      const shown = find(post.id);
      // The author's pending copy of a held post gives way to the approved post, in its place.
      if (shown && !shown.hasAttribute('data-held')) continue;
      shown?.remove();
      place(html, seq);
      onAdded(post);
    }
    settle();
  }

  // Events nearly always come in order, so walking up from the newest stops at once.
  function placeBySeq(article) {
    const seq = Number(article.dataset.seq);
    let above = list.lastElementChild;
    while (above && (above === article || Number(above.dataset.seq) > seq)) above = above.previousElementSibling;
    if (above) above.after(article);
    else list.prepend(article);
  }

  // Posts only this viewer sees. They never move lastSeq: a shadow post's seq is no proof that the
  // posts before it arrived, and a held post has none yet, so it stays below every post (seq Infinity).
  function addOwn(posts, note) {
    for (const { seq, post, html, held } of posts) {
      if (has(post.id)) continue;
      const article = place(html, held ? Infinity : seq);
      if (held) {
        article.dataset.held = '';
        const label = document.createElement('p');
        label.className = 'post-note';
        label.textContent = note;
        article.append(label);
      }
    }
    settle();
  }

  function prepend(html, hasMore) {
    const page = parse(html);
    const oldest = page.firstElementChild?.dataset.seq;
    const height = list.scrollHeight;
    list.prepend(page);
    adoptReplies(list);
    // Grow upwards: the posts being read stay where they were.
    list.scrollTop += list.scrollHeight - height;
    if (oldest) list.dataset.oldestSeq = oldest;
    // An empty page means the start was reached, whatever the header says; this also ends the loading loop.
    list.dataset.hasMore = Boolean(oldest) && hasMore;
  }

  function replace(html, hasMore) {
    const page = parse(html);
    // Replies sit inside their roots, and the newest post may be one of them.
    const seqs = [...page.querySelectorAll('.post[data-seq]')].map((article) => Number(article.dataset.seq));
    list.replaceChildren(page);
    if (seqs.length) {
      lastSeq = Math.max(...seqs);
      list.dataset.oldestSeq = Math.min(...seqs);
    }
    list.dataset.hasMore = hasMore;
    pinned = true;
    settle();
  }

  return {
    list,
    has,
    add,
    addOwn,
    prepend,
    replace,
    placeBySeq,
    get lastSeq() {
      return lastSeq;
    },
  };
}
