import { text } from './text.js';

// A template parses server fragments without running anything in them.
const template = document.createElement('template');

// The longest delay setTimeout honours; a longer ban is lifted by the next page load instead.
const MAX_TIMER = 2 ** 31 - 1;

// What the visitor may add to a report's short reason; the server takes at most 300 characters in all.
const DETAILS_MAX = 200;

// The pinned post is shown above the log, so its copy in the log keeps only its replies, there and
// in whatever the log loads later.
function showOnce(widget, pinnedPost) {
  const list = widget.querySelector('.posts');
  const mark = () => {
    const id = pinnedPost.firstElementChild?.dataset.postId;
    for (const post of list.querySelectorAll('.post')) post.classList.toggle('pinned-copy', post.dataset.postId === id);
  };
  new MutationObserver(mark).observe(list, { childList: true, subtree: true });
  mark();
  return mark;
}

// What moderators do reaches the open widget: removed posts go, the pinned post shows on top,
// and a banned visitor's form is switched off with the reason and end of the ban, until it ends or is lifted.
export function followModeration(widget, live, { tag, status, account }) {
  const pinned = widget.querySelector('.pinned');
  const pinnedPost = pinned.querySelector('.pinned-post');
  const compose = widget.querySelector('.compose');
  const showPinnedOnce = showOnce(widget, pinnedPost);

  live.on('PostRemoved', (event) => {
    if (event.tag !== tag) return;
    widget.querySelectorAll(`[data-post-id="${event.postId}"]`).forEach((element) => element.remove());
    pinned.hidden = !pinnedPost.firstElementChild;
  });

  live.on('PostPinned', (event) => {
    if (event.tag !== tag) return;
    template.innerHTML = event.html ?? '';
    pinnedPost.replaceChildren(template.content);
    pinned.hidden = !event.html;
    showPinnedOnce();
  });

  let banEnds;
  // From the Banned event, or from Mine after a (re)join: a reloaded page is told of a ban in force too.
  function applyBan(event) {
    if (event.tag !== tag) return;
    setBanned(true);
    status.set('ban', event.message);
    clearTimeout(banEnds);
    const left = event.until ? Date.parse(event.until) - Date.now() : Infinity;
    if (left < MAX_TIMER) banEnds = setTimeout(lift, Math.max(0, left));
  }

  function lift() {
    clearTimeout(banEnds);
    setBanned(false);
    status.clear('ban');
  }

  live.on('Banned', applyBan);
  live.on('Unbanned', (event) => {
    if (event.tag !== tag) return;
    lift();
    status.set('ban', event.message);
  });

  offerPostActions(widget, live, { tag, status, account });

  // The compose script reads the flag too, so finishing a send cannot switch the button back on.
  function setBanned(banned) {
    if (banned) compose.dataset.banned = '';
    else delete compose.dataset.banned;
    for (const control of compose.querySelectorAll('textarea, [type="submit"]')) control.disabled = banned;
  }

  return { applyBan };
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

  // Reporting asks why: one of a few short reasons, and the visitor's own words if they like.
  const reasonForm = () => {
    const form = document.createElement('form');
    form.className = 'report-reason';
    const choice = document.createElement('select');
    choice.name = 'choice';
    choice.setAttribute('aria-label', text('textReportWhy'));
    for (const reason of text('textReportReasons').split('|')) choice.add(new Option(reason, reason));
    const details = document.createElement('input');
    details.name = 'details';
    details.maxLength = DETAILS_MAX;
    details.placeholder = text('textReportDetails');
    details.setAttribute('aria-label', text('textReportDetails'));
    const send = button(text('textReport'), 'send-report');
    send.type = 'submit';
    form.append(choice, details, send);
    return form;
  };

  widget.addEventListener('submit', async (event) => {
    const form = event.target.closest('.report-reason');
    if (!form) return;
    event.preventDefault();
    const post = form.closest('.post');
    const details = form.elements.details.value.trim();
    const reason = details ? `${form.elements.choice.value}: ${details}` : form.elements.choice.value;
    try {
      status.set('report', await live.send('Report', { tag, postId: Number(post.dataset.postId), reason }));
    } catch (error) {
      status.set('report', error.message);
    }
    post.querySelector('.post-actions')?.remove();
  });

  widget.addEventListener('click', async (event) => {
    const action = event.target.closest('.post-action')?.dataset.action;
    const post = event.target.closest('.post');
    if (!post || !account.userId() || action === 'send-report' || event.target.closest('.report-reason')) return;
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
    if (action === 'report') {
      const form = reasonForm();
      post.querySelector('.post-actions').replaceChildren(form);
      form.elements.choice.focus();
      return;
    }
    try {
      await live.send('DeletePost', postId);
    } catch (error) {
      status.set('report', error.message);
    }
    post.querySelector('.post-actions')?.remove();
  });
}
