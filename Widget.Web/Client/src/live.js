import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { backoff } from './backoff.js';
import { fetchPage } from './history.js';
import { lang, text } from './text.js';

const REORDER_WAIT_MS = 400;
// A connection silent this long is taken for dead; the server pings every Realtime:LiveKeepAliveInterval (10 s).
// The browser's offline event is taken at once, so this only catches a network that died without telling.
const SERVER_TIMEOUT_MS = 25_000;
// A socket that died while the tab slept still looks connected, and the timeout above is long: a Join
// that gets no answer this soon after waking means the socket is dead.
const WAKE_ANSWER_MS = 5_000;

// How SignalR words an error the server answered with; a HubException's own message follows.
const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// onLine(false) when the network or the connection is lost, onLine(true) once joined again.
// counted: false for a viewer that is not a visitor (an owner's preview), who is not shown as here.
export function connectLive({ tag, log, status, token, onSignedOut, events = {}, onJoined = () => {}, onLine = () => {}, counted = true }) {
  const connection = new HubConnectionBuilder()
    .withUrl(`/hubs/live?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: token })
    // The default policy gives up after four tries; a widget left open on a phone must come back
    // whenever the network does.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backoff(previousRetryCount) })
    .withServerTimeout(SERVER_TIMEOUT_MS)
    .configureLogging(LogLevel.Warning)
    .build();

  let attempt = 0;
  let timer;
  // PostAdded events held back while a Join is in flight; null when none is.
  let held = null;
  let waiting = [];

  // Events past a hole in the seqs, waiting a moment for the hole's own event.
  let early = [];
  let holeTimer;

  function added(event) {
    if (event.tag !== tag) return;
    if (held) held.push(event);
    else if (event.seq <= log.lastSeq + 1) applyInOrder([event]);
    else {
      // A tag's seqs have no holes, so a jump means an event is late or lost. Posts stored together
      // are sent by separate tasks and may swap places; only a hole that stays is worth a catch-up.
      early.push(event);
      holeTimer ??= setTimeout(join, REORDER_WAIT_MS);
    }
  }
  connection.on('PostAdded', added);
  // A crowded channel's posts of one tick, in seq order.
  connection.on('PostsAdded', (events) => events.forEach(added));
  connection.on('SignedOut', onSignedOut);
  for (const [name, handler] of Object.entries(events)) connection.on(name, handler);
  connection.onreconnecting(() => {
    if (navigator.onLine) status.set('live', text('textReconnecting'));
    onLine(false);
  });
  connection.onreconnected(connected);
  connection.onclose(retry);

  function connected() {
    waiting.forEach((resume) => resume());
    waiting = [];
    join();
  }

  // The server adds us to the group before reading, so everything after lastSeq is either in the
  // answer or in the events held meanwhile, possibly in both.
  function applyInOrder(events) {
    log.add(events);
    early.sort((a, b) => a.seq - b.seq);
    while (early.length > 0 && early[0].seq <= log.lastSeq + 1) log.add([early.shift()]);
    if (early.length === 0) holeTimer = clearTimeout(holeTimer);
  }

  async function join() {
    holeTimer = clearTimeout(holeTimer);
    const mine = (held = early);
    early = [];
    try {
      const { posts, reset, presence } = await connection.invoke(counted ? 'Join' : 'Watch', tag, log.lastSeq);
      if (reset) {
        const { html, hasMore } = await fetchPage(tag);
        log.replace(html, hasMore);
      }
      // A later Join started meanwhile; it asked from the same lastSeq, so it covers all of this.
      if (held !== mine) return;
      held = null;
      log.add((reset ? mine : [...posts, ...mine]).sort((a, b) => a.seq - b.seq));
      attempt = 0;
      status.clear('live');
      onLine(true);
      onJoined({ presence });
    } catch {
      // Held events stay held: applying them would move lastSeq past posts we never got.
      // A connection outside the group hears nothing, so start over rather than sit there.
      if (held === mine && connection.state === HubConnectionState.Connected) connection.stop();
    }
  }

  function retry() {
    if (navigator.onLine) status.set('live', text('textReconnecting'));
    onLine(false);
    clearTimeout(timer);
    timer = setTimeout(start, backoff(attempt++));
  }

  async function start() {
    clearTimeout(timer);
    if (connection.state !== HubConnectionState.Disconnected) return;
    try {
      await connection.start();
    } catch {
      retry();
      return;
    }
    connected();
  }

  // Used when the token changes and when a sleeping tab wakes: a waiting retry may be 30 s away.
  // The old connection leaves first, so that signing in does not count the visitor twice for the grace period.
  async function restart() {
    attempt = 0;
    // Said at once, in the same task as whatever asked for the restart: nobody may take the old connection for live.
    onLine(false);
    if (connection.state === HubConnectionState.Connected) await connection.invoke('Leave', tag).catch(() => undefined);
    await connection.stop();
    start();
  }

  // How mobile tabs come back: the socket may have died in the background without anyone noticing.
  function wake() {
    if (connection.state === HubConnectionState.Connected) {
      const unanswered = setTimeout(() => connection.stop(), WAKE_ANSWER_MS);
      join().finally(() => clearTimeout(unanswered));
    } else if (connection.state !== HubConnectionState.Connecting) restart();
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') wake();
  });
  window.addEventListener('online', wake);
  // The browser knows at once; the connection would notice only at its timeout.
  window.addEventListener('offline', () => {
    status.set('live', text('textOffline'));
    onLine(false);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) wake();
  });

  const reconnected = () => new Promise((resume) => waiting.push(resume));
  const backOnline = () => new Promise((resume) => window.addEventListener('online', resume, { once: true }));

  // Calls a hub method until the server answers. A lost connection is not an answer: the same
  // arguments go again once it is back, which is why posts carry a client id.
  // Offline, a socket the browser has not closed yet may still look connected; nothing is sent into it.
  async function send(method, argument) {
    if (!navigator.onLine) await backOnline();
    if (connection.state !== HubConnectionState.Connected) await reconnected();
    for (;;) {
      try {
        return await connection.invoke(method, argument);
      } catch (error) {
        if (SERVER_ERROR.test(error.message)) {
          throw new Error(error.message.replace(SERVER_ERROR, '') || text('textSomethingWrong'));
        }
        await reconnected();
      }
    }
  }

  // For what is worth sending only now: who we are, that we type. Lost on a dead connection, and
  // resent by the next join.
  const notify = (method, ...args) =>
    connection.state === HubConnectionState.Connected ? connection.invoke(method, ...args).catch(() => undefined) : Promise.resolve();

  start();
  const isLive = () => navigator.onLine && connection.state === HubConnectionState.Connected;

  return { restart, send, notify, isLive, catchUp: join, on: (event, handler) => connection.on(event, handler) };
}
