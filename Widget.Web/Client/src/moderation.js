// A template parses server fragments without running anything in them.
const template = document.createElement('template');

// The longest delay setTimeout honours; a longer ban is lifted by the next page load instead.
const MAX_TIMER = 2 ** 31 - 1;

// What moderators do reaches the open widget: removed posts go, the pinned post shows on top,
// and a banned visitor's form is switched off with the reason and end of the ban.
export function followModeration(widget, live, { tag, status }) {
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

  function setBanned(banned) {
    for (const control of compose.querySelectorAll('textarea, [type="submit"]')) control.disabled = banned;
  }
}
