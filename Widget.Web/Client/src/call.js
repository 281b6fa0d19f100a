import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { backoff } from './backoff.js';
import { setUpCallRoom } from './call-room.js';
import { lang } from './text.js';

// The server pings every Realtime:KeepAliveInterval (4 s): a call whose connection is silent this long has
// dropped, and the sooner the widget knows, the sooner it rejoins.
const SERVER_TIMEOUT_MS = 10_000;
const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// The call hub's connection and the channel's call (see CallPanel.razor): who is in it for everyone, and joining
// for a signed-in visitor. Other rooms (a browsing session's call) share the connection through room().
// Absent when the site has calls off.
export function setUpCall(widget, { tag, account }) {
  const panel = widget.querySelector('.call:not(.call-session)');
  if (!panel) return { room: () => null, accountChanged() {} };

  const hub = new HubConnectionBuilder()
    .withUrl(`/hubs/calls?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: account.token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backoff(previousRetryCount) })
    .withServerTimeout(SERVER_TIMEOUT_MS)
    .configureLogging(LogLevel.Warning)
    .build();

  const refusal = (error) => String(error?.message ?? '').replace(SERVER_ERROR, '');
  const rooms = [];
  const room = (roomPanel, source) => {
    const opened = setUpCallRoom(roomPanel, { hub, refusal, signedIn: () => Boolean(account.userId()), room: source });
    rooms.push(opened);
    return opened;
  };
  room(panel, {
    watch: () => hub.invoke('Watch', tag),
    check: () => hub.invoke('Check', tag),
    join: () => hub.invoke('Join', tag),
    door: tag,
  });

  hub.onreconnecting(() => rooms.forEach((each) => each.reconnecting()));
  hub.onreconnected(() => Promise.all(rooms.map((each) => each.reconnected())));

  async function start() {
    try {
      await hub.start();
      await Promise.all(rooms.map((each) => each.watch()));
    } catch {
      setTimeout(start, backoff(1));
    }
  }

  start();

  return {
    // Direct calls (call-ring.js) share the connection.
    hub,
    refusal,
    room,
    // Signing in or out changes who the connection is: a new one, carrying the new token.
    async accountChanged() {
      rooms.forEach((each) => each.stopLocally());
      await hub.stop();
      start();
    },
  };
}
