import { localTimes } from './text.js';

// Several parts of the widget report into one line. Each keeps its own message so that one
// part recovering does not wipe another's error; the latest message is the one shown.
export function createStatus(element) {
  const messages = new Map();
  const render = () => {
    element.textContent = [...messages.values()].pop() ?? '';
  };

  return {
    set(key, text) {
      messages.delete(key);
      messages.set(key, localTimes(text));
      render();
    },
    clear(key) {
      // Rewriting an unchanged live region can make screen readers announce it again.
      if (messages.delete(key)) render();
    },
  };
}
