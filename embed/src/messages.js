// Heights beyond this are a broken widget, not a tall one.
const MAX_REPORTED_HEIGHT = 100000;
const MAX_TITLE = 300;
const MAX_WORDS = 200;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

const words = (value) => typeof value === 'string' && value.length <= MAX_WORDS;

// The chat button's words in the widget's language: only short strings under known names are kept,
// and the button keeps its English ones when anything is off.
function readyMessage(data) {
  const given = data.words ?? {};
  const newPosts = given.newPosts && typeof given.newPosts === 'object'
    ? Object.fromEntries(PLURAL_FORMS.filter((form) => words(given.newPosts[form])).map((form) => [form, given.newPosts[form]]))
    : {};
  return typeof data.lang === 'string' && LANG.test(data.lang) && words(given.chat) && given.chat && newPosts.other
    ? { type: data.type, lang: data.lang, words: { chat: given.chat, newPosts } }
    : { type: data.type };
}

// A message counts only if it comes from our origin and from this very frame: any script on the
// host page can post messages, and with two widgets on a page each must hear only its own.
// Returns the message reduced to known fields, or null.
export function acceptMessage(event, origin, frameWindow) {
  if (event.origin !== origin || !frameWindow || event.source !== frameWindow) return null;
  const { data } = event;
  switch (data && data.type) {
    case 'widget:ready':
      return readyMessage(data);
    case 'widget:post':
      return { type: data.type };
    case 'widget:together':
      return { type: data.type, active: data.active === true };
    case 'widget:pods':
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
