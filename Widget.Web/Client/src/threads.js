// Replies are shown under their thread's root when the root is on the page (one level deep: every
// reply names its root). A reply whose root is not loaded stands at its own place, with its
// "in reply to" link, which the stylesheet hides once the reply sits under its root.

const repliesOf = (root) => {
  let box = root.querySelector(':scope > .post-replies');
  if (!box) {
    box = document.createElement('div');
    box.className = 'post-replies';
    root.append(box);
  }
  return box;
};

const rootOf = (list, article) => {
  const { replyTo } = article.dataset;
  return replyTo ? list.querySelector(`:scope > [data-post-id="${replyTo}"]`) : null;
};

// Puts a reply under its root, in seq order; false when the root is not on the page.
export function nestReply(list, article) {
  const root = rootOf(list, article);
  if (!root) return false;
  const box = repliesOf(root);
  const seq = Number(article.dataset.seq);
  const after = [...box.children].find((reply) => Number(reply.dataset.seq) > seq);
  box.insertBefore(article, after ?? null);
  return true;
}

// After older posts came in, replies already shown alone may have found their root.
export function adoptReplies(list) {
  for (const reply of list.querySelectorAll(':scope > [data-reply-to]')) nestReply(list, reply);
}

// A root leaving the tag must not take its replies along: they stand alone again, in seq order.
export function releaseReplies(widget, log, postId) {
  for (const root of widget.querySelectorAll(`[data-post-id="${postId}"]`)) {
    for (const reply of root.querySelectorAll(':scope > .post-replies > .post')) log.placeBySeq(reply);
  }
}
