import { text } from './text.js';

// A template parses server fragments without running anything in them.
const template = document.createElement('template');

// The longest delay setTimeout honours; a longer ban is lifted by the next page load instead.
const MAX_TIMER = 2 ** 31 - 1;

// What moderators do reaches the open widget: removed posts go, the pinned post shows on top,
// and a banned visitor's form is switched off with the reason and end of the ban.
export function followModeration(widget, live, { tag, status, account }) {
  const pinned = widget.querySelector('.pinned');
  const compose = widget.querySelector('.compose');

  live.on('PostRemoved', (event) => {
    if (event.tag !== tag) return;
    widget.querySelectorAll(`[data-post-id="${event.postId}"]`).forEach((element) => element.remove());
    pinned.hidden = !pinned.firstElementChild;
  });

  live.on('PostPinned', (event) => {
    if (event.tag !== tag) return;
    template.innerHTML = event.html ?? '';
    pinned.replaceChildren(template.content);
    pinned.hidden = !event.html;
  });

  live.on('Banned', (event) => {
    if (event.tag !== tag) return;
    setBanned(true);
    status.set('ban', event.message);
    const left = event.until ? Date.parse(event.until) - Date.now() : Infinity;
    if (left < MAX_TIMER) setTimeout(() => {
      setBanned(false);
      status.clear('ban');
    }, Math.max(0, left));
  });

  offerPostActions(widget, live, { tag, status, account });

  function setBanned(banned) {
    for (const control of compose.querySelectorAll('textarea, [type="submit"]')) control.disabled = banned;
  }
}

// Tapping a post offers what the signed-in visitor may do with it: report it to this channel's
// moderators, or delete it if it is theirs. Built on demand, so the shared post markup stays plain.
function offerPostActions(widget, live, { tag, status, account }) {
  const button = (label, action) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = `post-action post-${action}`;
    element.dataset.action = action;
    element.textContent = label;
    return element;
  };

  widget.addEventListener('click', async (event) => {
    const action = event.target.closest('.post-action')?.dataset.action;
    const post = event.target.closest('.post');
    if (!post || !account.userId()) return;
    const postId = Number(post.dataset.postId);
    if (!action) {
      if (post.querySelector('.post-actions')) return;
      const bar = document.createElement('div');
      bar.className = 'post-actions';
      bar.append(button(text('textReport'), 'report'));
      if (Number(post.dataset.authorId) === account.userId()) bar.append(button(text('textDelete'), 'delete'));
      post.append(bar);
      // Other parts of the widget (post-changes.js) add their own buttons.
      post.dispatchEvent(new CustomEvent('post-actions', { bubbles: true, detail: { bar } }));
      return;
    }
    try {
      if (action === 'report') status.set('report', await live.send('Report', { tag, postId, reason: '' }));
      else await live.send('DeletePost', postId);
    } catch (error) {
      status.set('report', error.message);
    }
    post.querySelector('.post-actions')?.remove();
  });
}
