import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { lang } from './text.js';

// How SignalR words an error the server answered with; a HubException's own message follows.
const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// A connection to the together hub, opened only when a visitor starts or joins a session. It does not
// reconnect by itself: a lost connection ends the visitor's part in the session (onClose), and they knock
// again, which lets a participant straight back in.
export async function connectTogether(token, events, onClose) {
  const connection = new HubConnectionBuilder()
    .withUrl(`/hubs/together?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: token })
    .configureLogging(LogLevel.Warning)
    .build();
  for (const [name, handler] of Object.entries(events)) connection.on(name, handler);
  connection.onclose(onClose);
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
