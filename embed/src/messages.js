// Heights beyond this are a broken widget, not a tall one.
const MAX_REPORTED_HEIGHT = 100000;
const MAX_TITLE = 300;

// A message counts only if it comes from our origin and from this very frame: any script on the
// host page can post messages, and with two widgets on a page each must hear only its own.
// Returns the message reduced to known fields, or null.
export function acceptMessage(event, origin, frameWindow) {
  if (event.origin !== origin || !frameWindow || event.source !== frameWindow) return null;
  const { data } = event;
  switch (data && data.type) {
    case 'widget:ready':
    case 'widget:post':
      return { type: data.type };
    case 'widget:resize':
      return typeof data.height === 'number' && data.height >= 0 && data.height <= MAX_REPORTED_HEIGHT
        ? { type: data.type, height: data.height }
        : null;
    default:
      return null;
  }
}

// The hash is left out: it is often in-page state, and it can hold tokens (OAuth implicit flows).
export const pageMessage = (href, title) => ({
  type: 'widget:page',
  url: href.split('#')[0],
  title: title.slice(0, MAX_TITLE),
});

export const visibilityMessage = (open) => ({ type: 'widget:visibility', open });
