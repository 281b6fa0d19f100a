import { pageMessage } from './messages.js';

const POLL_MS = 2000;

export const currentPage = (win) => pageMessage(win.location.href, win.document.title);

// A "Browse together" invitation rides in the fragment, which never reaches any server; the chat shows it.
const INVITATION = /[#&]widget-together=([A-Za-z0-9_-]{22})(?:&|$)/;

export function invitation(win) {
  const { href } = win.location;
  const found = INVITATION.exec(href.includes('#') ? href.slice(href.indexOf('#')) : '');
  return found && { type: 'widget:together-invite', session: found[1] };
}

// Calls onChange with the page's new address and title whenever either changes. history.pushState
// fires no event, so a single-page app's navigation is only seen by the poll.
export function watchPage(win, onChange) {
  let last = currentPage(win);
  const check = () => {
    const page = currentPage(win);
    if (page.url === last.url && page.title === last.title) return;
    last = page;
    onChange(page);
  };
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  win.setInterval(check, POLL_MS);
}
