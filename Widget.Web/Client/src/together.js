// "Browse together" in the widget. The frame holds the connection to the together hub and the visitor's
// token; the module that embed.js loads on the host page gets cursors and sends mouse positions over a
// MessageChannel port, and never sees the token. Offered only where embed.js framed us, since a plain
// iframe snippet has nobody on the host page to draw the cursors.
import { createFormRelay } from './together-forms.js';
import { connectTogether } from './together-hub.js';
import { renderKnock, renderPeople } from './together-people.js';
import { setUpFollow } from './together-follow.js';
import { setUpChat } from './together-chat.js';
import { setUpSessionCall } from './together-call.js';

const REMEMBERED = 'widget.together';

export function setUpTogether(widget, { tag, account, hostPage, tellHost, calls }) {
  const panel = widget.querySelector('.together');
  if (!panel || !('embed' in widget.dataset)) return { receive() {}, signedInChanged() {} };
  const part = (selector) => panel.querySelector(selector);
  const say = (key) => panel.dataset[key] ?? '';
  const status = part('.together-status');
  const link = part('.together-link');
  let hub = null;
  let session = null;
  let invite = null;
  let knocking = false;
  let port = null;
  // The newest cursor batch seen, per session and sender.
  const lastBatch = new Map();

  const isCreator = () => Boolean(session) && session.creatorId === account.userId();
  const person = (userId) => session?.participants.find((p) => p.userId === userId);
  const forms = createFormRelay({
    say, privateSelector: panel.dataset.privateSelector ?? '', hub: () => hub, session: () => session, port: () => port, person,
  });

  function render() {
    const signedIn = Boolean(account.userId());
    panel.hidden = !signedIn && !invite;
    part('.together-start').hidden = !signedIn || Boolean(session) || Boolean(invite);
    part('.together-invite').hidden = !isCreator();
    part('.together-door').hidden = !invite || Boolean(session);
    part('.together-signin').hidden = signedIn;
    part('.together-knock').hidden = !signedIn || knocking;
    part('.together-end').hidden = !isCreator();
    part('.together-leave').hidden = !session || isCreator();
    renderPeople(part('.together-people'), part('.together-members'), session, {
      say, mine: account.userId(), creator: isCreator(), remove: (userId) => call('Remove', session.sessionId, userId),
    });
    if (!session) part('.together-knocks').replaceChildren();
  }

  // A refusal is shown in the status line. A hub finished meanwhile (declined, removed, ended) has said there why;
  // the calls it cut off have nothing to add.
  async function ask(method, args) {
    const asked = hub;
    status.textContent = '';
    try {
      return { took: true, answer: await asked.invoke(method, ...args) };
    } catch (error) {
      if (hub === asked) status.textContent = error.message;
      return { took: false };
    }
  }

  const call = async (method, ...args) => (await ask(method, args)).answer;
  // For the parts in modules of their own: true when the hub took the call; and a call whose failure nobody needs to read.
  const attempt = async (method, ...args) => (await ask(method, args)).took;
  const quiet = (method, ...args) => (hub ? hub.invoke(method, ...args).catch(() => undefined) : Promise.resolve(undefined));
  const follow = setUpFollow(panel, {
    session: () => session, me: () => account.userId(), quiet, call: attempt,
    announce: (words) => { status.textContent = words; }, toHost: (message) => port?.postMessage(message),
  });
  const chat = setUpChat(panel, { session: () => session, call: attempt });
  const sessionCall = setUpSessionCall(panel, calls);

  // Knocks, arrivals and departures are said in the status line, a live region, for those who cannot see the list change.
  function announce(wordsKey, people) {
    if (people.length) status.textContent = people.map((p) => say(wordsKey).replace('{0}', p.name)).join(' ');
  }

  // The session this tab is in, kept across reloads and the site's pages (the frame's session storage is
  // per tab and per site), so that coming back rejoins without asking the creator again.
  const remembered = {
    get: () => { try { return JSON.parse(sessionStorage.getItem(REMEMBERED)); } catch { return null; } },
    set: (value) => { try { sessionStorage.setItem(REMEMBERED, JSON.stringify(value)); } catch { /* storage off: no rejoin */ } },
    forget: () => { try { sessionStorage.removeItem(REMEMBERED); } catch { /* storage off */ } },
  };

  let rejoining = null;
  function rejoin() {
    rejoining ??= rejoinOnce().finally(() => { rejoining = null; });
  }

  async function rejoinOnce() {
    const kept = remembered.get();
    if (!kept || session || knocking || !account.userId()) return;
    try {
      await connect();
    } catch {
      return;
    }
    // Rejoin, not Knock: someone removed meanwhile must not end up at the door without asking.
    const view = await quiet('Rejoin', kept.sessionId);
    if (!view) {
      remembered.forget();
      finish(null);
      return;
    }
    link.value = kept.link ?? '';
    joined(view);
  }

  // The hub came back as a new connection, which the server knows as nobody until it takes our place again.
  async function reconnected() {
    if (session) {
      const view = await quiet('Rejoin', session.sessionId);
      if (!view) {
        finish('textEnded');
        return;
      }
      session = view;
      render();
      follow.resend();
    } else if (knocking && invite) {
      await quiet('Knock', invite);
    }
  }

  function joined(view) {
    remembered.set({ sessionId: view.sessionId, link: link.value || null });
    session = view;
    invite = null;
    knocking = false;
    status.textContent = '';
    // Ask the host page for the module and a port to it; the port comes back through receive().
    tellHost(true);
    follow.joined(view);
    chat.joined(view);
    sessionCall.joined(view);
    render();
  }

  function finish(wordsKey) {
    remembered.forget();
    follow.stop();
    chat.stop();
    sessionCall.stop();
    port?.postMessage({ type: 'stop' });
    port?.close();
    port = null;
    session = null;
    knocking = false;
    const closing = hub;
    hub = null;
    closing?.stop();
    status.textContent = wordsKey ? say(wordsKey) : '';
    render();
  }

  async function connect() {
    if (hub) return hub;
    hub = await connectTogether(account.token, {
      ...forms.events,
      Knocked(knock) {
        part('.together-knocks').append(renderKnock(knock, {
          say,
          admit: () => call('Admit', knock.sessionId, knock.userId),
          decline: () => call('Decline', knock.sessionId, knock.userId),
        }));
        announce('textWants', [knock]);
      },
      Admitted: joined,
      Declined: () => finish('textDeclined'),
      Removed: () => finish('textRemoved'),
      Ended: () => finish('textEnded'),
      ParticipantsChanged(view) {
        const missingFrom = (list, others) => list.filter((p) => !others.some((q) => q.userId === p.userId));
        const gone = session ? missingFrom(session.participants, view.participants) : [];
        const come = session ? missingFrom(view.participants, session.participants) : [];
        gone.forEach((p) => port?.postMessage({ type: 'gone', userId: p.userId }));
        announce('textJoined', come);
        announce('textLeft', gone);
        session = view;
        follow.changed();
        render();
      },
      ...follow.events,
      ...chat.events,
      Cursors({ sessionId, sequence, moves }) {
        // Batches may overtake each other on the way; an older one would move a cursor back. Each node numbers its
        // batches by its own clock and a sender's moves all leave from their node, so the order is kept per sender.
        if (sessionId !== session?.sessionId) return;
        for (const { userId, position } of moves) {
          const sender = `${sessionId} ${userId}`;
          if (sequence < (lastBatch.get(sender) ?? 0)) continue;
          lastBatch.set(sender, sequence);
          const who = userId !== account.userId() && person(userId);
          if (who && port) port.postMessage({ type: 'cursor', userId, name: who.name, color: who.color, ...position });
        }
      },
    }, () => {
      if (session || knocking) finish('textEnded');
    }, reconnected);
    return hub;
  }

  // A hub out of reach is said so: a button that does nothing would leave the visitor clicking.
  async function reach() {
    try {
      return await connect();
    } catch {
      status.textContent = say('textUnreachable');
      return null;
    }
  }

  part('.together-start').addEventListener('click', async () => {
    if (!(await reach())) return;
    const view = await call('Start', tag);
    if (!view) return;
    link.value = `${hostPage().url ?? ''}#widget-together=${view.sessionId}`;
    joined(view);
  });

  part('.together-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      status.textContent = say('textCopied');
    } catch {
      // A frame may not write to the clipboard unless the host page allows it: the link is selected instead.
      link.focus();
      link.select();
    }
  });

  part('.together-knock').addEventListener('click', async () => {
    const knockedOn = await reach();
    if (!knockedOn) return;
    const answer = await call('Knock', invite);
    // The host's reply may be read before the answer, from the same frame: it has declined (the hub is gone) or
    // admitted (the session is on), and the answer's "waiting" is out of date.
    if (!answer || hub !== knockedOn || session) return;
    if (answer.state === 'admitted') {
      joined(answer.session);
    } else {
      knocking = true;
      status.textContent = say('textWaiting');
      render();
    }
  });

  part('.together-end').addEventListener('click', () => call('End', session.sessionId));
  part('.together-leave').addEventListener('click', async () => {
    await call('Leave', session.sessionId);
    finish(null);
  });

  function listen(given) {
    port = given;
    port.postMessage({ type: 'cursor-words', above: say('textAbove'), below: say('textBelow') });
    forms.started(port);
    port.onmessage = ({ data }) => {
      if (forms.fromPage(data)) return;
      if (!session || !hub) return;
      if (data?.type === 'move') {
        const position = { path: String(data.path), x: Number(data.x), y: Number(data.y), ...(data.click === true && { click: true }) };
        hub.send('Move', session.sessionId, position).catch(() => {});
      } else if (data?.type === 'place' && typeof data.place === 'string') {
        follow.here(data.place, data.route === true);
      }
    };
  }

  render();
  rejoin();
  return {
    // From the host page: an invitation in its address, or the port to its half once a session is on.
    receive(message) {
      if (message.invite && !session) {
        invite = message.invite;
        render();
      } else if (message.port) {
        if (session) listen(message.port);
        else message.port.close();
      }
    },
    signedInChanged() {
      if (!account.userId() && (session || knocking)) finish(null);
      else render();
      rejoin();
    },
  };
}
