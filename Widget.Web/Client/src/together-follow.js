import { button } from './button.js';

// "Follow" in the widget: where the others are on the site ("Anna is on /pricing — Go"), following one of
// them, and "Bring everyone here". Places come from the server, which checked each is a path on the site;
// the host page's module checks again before it moves. This frame moves its page only when its visitor chose
// to: by Go, by following someone, or by answering a request to come.
const KEPT = 'widget.together.follow';

const storage = {
  get: () => { try { return JSON.parse(sessionStorage.getItem(KEPT)); } catch { return null; } },
  set: (value) => { try { sessionStorage.setItem(KEPT, JSON.stringify(value)); } catch { /* storage off: following ends with the page */ } },
  forget: () => { try { sessionStorage.removeItem(KEPT); } catch { /* storage off */ } },
};

// A sentence with a person's name for {0} and a place for {1}, each in its own <bdi> so neither can
// reorder the words around it.
function sentence(element, label, name, place = '') {
  element.replaceChildren(...label.split(/(\{[01]\})/).map((part) => {
    if (part !== '{0}' && part !== '{1}') return part;
    const bdi = document.createElement('bdi');
    bdi.textContent = part === '{0}' ? name : place;
    return bdi;
  }));
  return element;
}

const words = (label, name, place = '') => label.replace('{0}', name).replace('{1}', place);

// session(): the session's view or null; me(): the visitor's user id; quiet(method, ...args): a hub call
// whose failure nobody needs to read; call(...): one whose failure is shown; announce(text): the live region;
// toHost(message): to the host page's module.
export function setUpFollow(panel, { session, me, quiet, call, announce, toHost }) {
  const box = panel.querySelector('.together-follow');
  const say = (key) => box.dataset[key] ?? '';
  const list = box.querySelector('.together-places');
  const summons = box.querySelector('.together-summons');
  const summon = box.querySelector('.together-summon');
  const places = new Map();
  const followers = new Set();
  let mine = null;
  let leader = null;

  const nameOf = (userId) => session()?.participants.find((p) => p.userId === userId)?.name ?? '';
  // route: take the place as a route of the page we are on, without loading it (see catchUp).
  const go = (place, route = false) => toHost({ type: 'go', place, route });

  function render() {
    const view = session();
    box.hidden = !view;
    if (!view) return;
    const others = view.participants.filter((p) => p.userId !== me());
    list.replaceChildren(...others.map(row));
    summon.hidden = others.length === 0 || !mine;
  }

  function row({ userId, name }) {
    const item = document.createElement('li');
    const place = places.get(userId);
    const elsewhere = place !== undefined && place !== mine;
    item.append(sentence(document.createElement('span'), elsewhere ? say('textOn') : say('textHere'), name, place));
    if (elsewhere) item.append(button(say('textGo'), 'together-go', () => go(place), words(say('textGoTo'), name, place)));
    const following = leader === userId;
    item.append(following
      ? button(say('textUnfollow'), 'together-unfollow', () => setLeader(null), words(say('textUnfollowName'), name))
      : button(say('textFollow'), 'together-follow-one', () => setLeader(userId), words(say('textFollowName'), name)));
    return item;
  }

  function setLeader(userId) {
    const before = leader;
    leader = userId;
    const { sessionId } = session();
    storage.set({ sessionId, leader });
    quiet('Follow', sessionId, leader);
    announce(leader ? words(say('textYouFollow'), nameOf(leader)) : words(say('textYouStopped'), nameOf(before)));
    catchUp();
    render();
  }

  // A leader who changed route on the page this tab shows with them is followed by the same route change, so the
  // page keeps what its visitor had on it (a half-filled form, a playing video); anything else loads the place.
  function catchUp(route = false) {
    const place = leader && places.get(leader);
    if (place && mine && place !== mine) go(place, route);
  }

  async function tell(route = false) {
    const view = session();
    if (!view || !mine) return;
    const others = await quiet('Place', view.sessionId, mine, route);
    if (!Array.isArray(others)) return;
    others.forEach((p) => places.set(p.userId, p.place));
    catchUp();
    render();
  }

  summon.addEventListener('click', async () => {
    if (await call('Summon', session().sessionId)) announce(say('textAsked'));
  });

  return {
    // The session is on (again): whom this tab followed before a reload comes back with it.
    joined(view) {
      const kept = storage.get();
      leader = kept?.sessionId === view.sessionId && typeof kept.leader === 'number' ? kept.leader : null;
      render();
    },
    // A reconnected hub is a new connection: tell the server where we are, and hear where the others went meanwhile.
    resend: () => tell(),
    // From the host page's module: its page is here now, by a route change (route) or a page load.
    here(place, route) {
      mine = place;
      tell(route);
      render();
    },
    changed() {
      const inSession = (userId) => session()?.participants.some((p) => p.userId === userId);
      [...places.keys()].filter((userId) => !inSession(userId)).forEach((userId) => places.delete(userId));
      if (leader && !inSession(leader)) leader = null;
      render();
    },
    events: {
      PlaceChanged({ userId, place, route }) {
        const together = places.get(userId) === mine;
        places.set(userId, place);
        if (userId === leader) catchUp(route === true && together);
        render();
      },
      Following({ followerId, leaderId }) {
        const name = nameOf(followerId);
        if (leaderId === me()) {
          followers.add(followerId);
          announce(words(say('textFollowsYou'), name));
        } else if (followers.delete(followerId)) {
          announce(words(say('textStoppedYou'), name));
        }
      },
      Summoned({ userId, place }) {
        const name = nameOf(userId);
        const item = document.createElement('li');
        const answer = (move) => () => {
          item.remove();
          if (move) go(place);
        };
        item.append(
          sentence(document.createElement('span'), say('textSummoned'), name, place),
          button(say('textGo'), 'together-come', answer(true), words(say('textGoTo'), name, place)),
          button(say('textStay'), 'together-stay', answer(false)),
        );
        summons.replaceChildren(item);
        announce(words(say('textSummoned'), name, place));
      },
    },
    stop() {
      storage.forget();
      places.clear();
      followers.clear();
      leader = null;
      summons.replaceChildren();
      render();
    },
  };
}
