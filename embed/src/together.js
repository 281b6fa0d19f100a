import { createCursors } from './together/cursors.js';
import { syncForms } from './together/forms.js';
import { trackMouse } from './together/mouse.js';
import { goTo, watchPlace } from './together/place.js';
import { showPods } from './together/pods.js';

// The host page's half of "Browse together", loaded by embed.js once a session starts. It hears only the
// port embed.js hands it, whose other end is in the chat's frame: that frame alone talks to the server.
let stopCurrent = () => {};
let stopPods = () => {};

document.addEventListener('widget:pods', ({ detail: port }) => {
  if (!(port instanceof MessagePort)) return;
  stopPods();
  stopPods = showPods(document, port);
});

document.addEventListener('widget:together', ({ detail: port }) => {
  if (!(port instanceof MessagePort)) return;
  stopCurrent();
  const cursors = createCursors(document);
  const forms = syncForms(document, (message) => port.postMessage(message));
  const untrack = trackMouse(document, (anchor) => port.postMessage({ type: 'move', ...anchor }));
  const unwatch = watchPlace(window, (place, route) => port.postMessage({ type: 'place', place, route }));
  stopCurrent = () => {
    untrack();
    unwatch();
    cursors.stop();
    forms.stop();
    port.close();
  };
  port.onmessage = ({ data }) => {
    if (forms.receive(data)) return;
    if (data?.type === 'cursor') cursors.draw(data);
    else if (data?.type === 'cursor-words') cursors.say(data);
    else if (data?.type === 'gone') cursors.remove(data.userId);
    else if (data?.type === 'go') goTo(window, data.place, data.route === true);
    else if (data?.type === 'stop') stopCurrent();
  };
});
