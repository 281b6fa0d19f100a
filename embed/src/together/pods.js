import { createCursors } from './cursors.js';
import { trackMouse } from './mouse.js';

// Visitors shown on this page: their pods drawn like cursors, in a layer of their own, and this visitor's
// mouse sent (at the cursors' pace) only while the widget says they chose to be shown. A click is just a move
// here: pods show where people are, not what they do. `clear` drops the pods of the page the visitor left.
export function showPods(doc, port) {
  const pods = createCursors(doc, { mark: 'data-widget-pod' });
  const drawn = new Set();
  let untrack = null;

  function track(on) {
    untrack?.();
    untrack = on ? trackMouse(doc, ({ path, x, y }) => port.postMessage({ type: 'move', path, x, y })) : null;
  }

  port.onmessage = ({ data }) => {
    if (data?.type === 'pod') {
      drawn.add(data.userId);
      pods.draw({ ...data, click: false });
    } else if (data?.type === 'pod-gone') {
      drawn.delete(data.userId);
      pods.remove(data.userId);
    } else if (data?.type === 'clear') {
      drawn.forEach(pods.remove);
      drawn.clear();
    }
    else if (data?.type === 'track') track(data.on === true);
    else if (data?.type === 'stop') stop();
  };

  function stop() {
    track(false);
    pods.stop();
    port.close();
  }

  return stop;
}
