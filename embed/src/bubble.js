import { DEFAULT_ACCENT, iconColor } from './accent.js';
import { createFrame, css } from './frame.js';
import { visibilityMessage } from './messages.js';
import { invitation } from './page.js';

const SVG = 'http://www.w3.org/2000/svg';
const GAP = '20px';

export const badgeText = (count) => (count > 99 ? '99+' : count > 0 ? String(count) : '');

// Until the widget says its language (its ready message), the button speaks English.
const ENGLISH = { lang: 'en', words: { chat: 'Chat #{0}', newPosts: { one: '{0} new', other: '{0} new' } } };

// "Chat #news, 5 new" in the widget's language, with the plural form its count takes there; a title
// the webmaster wrote is the chat's name in any language.
export function buttonLabel(tag, count, { lang, words } = ENGLISH, title = null) {
  const chat = title ?? words.chat.replace('{0}', tag);
  if (!count) return chat;
  const forms = words.newPosts;
  const unread = (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other).replace('{0}', badgeText(count));
  return `${chat}, ${unread}`;
}

function chatIcon(doc) {
  const svg = doc.createElementNS(SVG, 'svg');
  const path = doc.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '28');
  svg.setAttribute('fill', 'currentColor');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

// A round button in a corner of the page that opens the chat in a panel above it. Everything lives
// in one element appended to body, behind a shadow root so that the host's CSS cannot reach in.
// Returns what the page watcher needs: a way to send the chat a message.
export function embedBubble(doc, origin, config) {
  const win = doc.defaultView;
  const { tag, title, titled, side } = config;
  const accent = config.accent || DEFAULT_ACCENT;
  let open = false;
  let unread = 0;
  let language = ENGLISH;
  let together = false;

  // A browsing session takes its visitor from page to page, often by following someone, and its panel is in the
  // chat: the chat opens again on the next page of the site if it was open when the last one was left. Only that
  // flag is kept, in this tab's storage of the host page.
  const kept = `widget-together-open:${tag}`;
  const keepOpen = () => {
    try {
      win.sessionStorage.setItem(kept, open ? '1' : '');
    } catch {
      // Storage off: the chat stays closed on the next page.
    }
  };
  const wasOpen = () => {
    try {
      return win.sessionStorage.getItem(kept) === '1';
    } catch {
      return false;
    }
  };

  const root = doc.createElement('div');
  const shadow = root.attachShadow({ mode: 'closed' });
  css(root, { position: 'fixed', bottom: GAP, [side]: GAP, zIndex: '2147483000' });

  const button = doc.createElement('button');
  button.type = 'button';
  css(button, {
    position: 'relative',
    display: 'grid',
    placeItems: 'center',
    width: '56px',
    height: '56px',
    padding: '0',
    border: '0',
    borderRadius: '50%',
    background: accent,
    color: iconColor(accent),
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    cursor: 'pointer',
  });

  const badge = doc.createElement('span');
  css(badge, {
    position: 'absolute',
    top: '-4px',
    right: '-4px',
    minWidth: '20px',
    padding: '0 5px',
    boxSizing: 'border-box',
    borderRadius: '10px',
    background: '#c62828',
    color: '#fff',
    font: '600 12px/20px system-ui, sans-serif',
  });
  button.append(chatIcon(doc), badge);

  const panel = doc.createElement('div');
  css(panel, {
    position: 'absolute',
    bottom: '68px',
    [side]: '0',
    width: `min(360px, calc(100vw - 2 * ${GAP}))`,
    overflow: 'hidden',
    borderRadius: '12px',
    background: '#fff',
    boxShadow: '0 4px 24px rgba(0,0,0,.25)',
  });

  function render() {
    const count = badgeText(unread);
    badge.textContent = count;
    badge.hidden = !count;
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', buttonLabel(tag, unread, language, titled ? title : null));
    // Hidden by visibility, not display, so that the chat keeps its size and live connection.
    css(panel, {
      visibility: open ? 'visible' : 'hidden',
      opacity: open ? '1' : '0',
      transform: open ? 'none' : 'translateY(8px)',
      transition: win.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'none' : 'opacity .2s, transform .2s, visibility .2s',
    });
  }

  const frame = createFrame(panel, origin, config, {
    // Panel, button and margins all fit in the viewport.
    size: { maxHeight: 'calc(100vh - 108px)' },
    onPost() {
      if (open) return;
      unread += 1;
      render();
    },
    onReady(message) {
      if (message.words) language = message;
      render();
      frame.send(visibilityMessage(open));
    },
    onTogether() {
      together = true;
      if (!open && wasOpen()) toggle();
      else keepOpen();
    },
  });

  function toggle() {
    open = !open;
    if (open) {
      unread = 0;
      frame.load();
    }
    frame.send(visibilityMessage(open));
    if (together) keepOpen();
    render();
  }

  button.addEventListener('click', toggle);
  shadow.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !open) return;
    toggle();
    button.focus();
  });

  // The panel comes after the button, so Tab from the button goes into the chat.
  shadow.append(button, panel);
  render();
  doc.body.append(root);
  // An invitation to browse together is answered in the chat's panel, so a page opened by one shows it open.
  // Otherwise the chat loads closed once the host page has, rather than on the first open, so that posts
  // before the first open count on the badge too; waiting for the page keeps it off the page's own load.
  if (invitation(win)) toggle();
  else if (doc.readyState === 'complete') frame.load();
  else win.addEventListener('load', () => frame.load(), { once: true });
  return frame;
}
