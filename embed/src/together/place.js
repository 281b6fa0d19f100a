// Where this page is on its site, for "follow": its path, query and hash. A hash that carries a sign-in's
// tokens or our own invitation stays out of it; everything else in the address the others may see.
const SECRET_HASH = /(?:^#|[#&?])(?:access_token|id_token|code|state|token|widget-together)=/i;

export function placeOf(location) {
  const hash = SECRET_HASH.test(location.hash) ? '' : location.hash;
  return `${location.pathname}${location.search}${hash}`;
}

// Calls onPlace(place, false) with the page's place now and onPlace(place, true) whenever it changes without
// a new page: a single-page app's pushState and replaceState fire no event, so they are wrapped for as long as
// the session lasts; the back button and hash routes are heard as popstate and hashchange. A link to another
// page loads this module again there, and it starts with that page's place.
export function watchPlace(win, onPlace) {
  const { history } = win;
  let last = null;
  const check = () => {
    const place = placeOf(win.location);
    if (place === last) return;
    const route = last !== null;
    last = place;
    onPlace(place, route);
  };
  const wrap = (original) => function wrapped(...args) {
    const result = original.apply(this, args);
    check();
    return result;
  };
  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  const wrappers = { pushState: wrap(originals.pushState), replaceState: wrap(originals.replaceState) };
  Object.assign(history, wrappers);
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  check();
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    // Someone else may have wrapped them since: theirs stay, and ours only pass calls on.
    for (const name of Object.keys(originals)) {
      if (history[name] === wrappers[name]) history[name] = originals[name];
    }
  };
}

// Takes this page to where another participant is, once the visitor chose to go or to follow: only to a
// place on this very site. A new hash alone stays on the page, as a hash route expects. A route change the
// other made on the page this one shows (route) is made here the way the browser's back button makes one, a
// new history entry and a popstate, which routers of single-page apps follow; anything else loads the page,
// which a single-page app's server answers for any of its routes.
export function goTo(win, place, route = false) {
  if (typeof place !== 'string' || place[0] !== '/' || place[1] === '/' || place[1] === '\\') return;
  const { location } = win;
  let url;
  try {
    url = new URL(place, location.origin);
  } catch {
    return;
  }
  if (url.origin !== location.origin || placeOf(location) === place) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) location.hash = url.hash;
  else if (route) {
    win.history.pushState(null, '', url.href);
    win.dispatchEvent(new win.PopStateEvent('popstate', { state: null }));
  } else location.assign(url.href);
}
