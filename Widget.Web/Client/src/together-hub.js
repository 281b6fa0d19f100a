import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { backoff } from './backoff.js';
import { lang } from './text.js';

// A connection silent this long is taken for dead; the server pings every Realtime:KeepAliveInterval (4 s).
const SERVER_TIMEOUT_MS = 10_000;

// How SignalR words an error the server answered with; a HubException's own message follows.
const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// A connection to the together hub, opened only when a visitor starts or joins a session. A lost connection
// comes back by itself for as long as it takes, as the live one does; the server knows the new connection
// as nobody until onReconnected takes the visitor's place in the session again.
export async function connectTogether(token, events, onClose, onReconnected = () => {}) {
  const connection = new HubConnectionBuilder()
    .withUrl(`/hubs/together?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backoff(previousRetryCount) })
    .withServerTimeout(SERVER_TIMEOUT_MS)
    .configureLogging(LogLevel.Warning)
    .build();
  for (const [name, handler] of Object.entries(events)) connection.on(name, handler);
  connection.onclose(onClose);
  connection.onreconnected(onReconnected);
  await connection.start();
  return {
    send: (method, ...args) => connection.send(method, ...args),
    stop: () => connection.stop(),
    async invoke(method, ...args) {
      try {
        return await connection.invoke(method, ...args);
      } catch (error) {
        throw new Error(String(error.message).replace(SERVER_ERROR, ''));
      }
    },
  };
}
