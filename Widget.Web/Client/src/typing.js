import { fill, text } from './text.js';

// How often our own typing is reported; the server drops reports that come faster anyway.
const REPORT_EVERY_MS = 2000;

// "Anna is typing…": shown for as long as the server says unless renewed, and gone as soon as
// that person's post arrives, so it never outlives the typing.
export function createTyping(widget, { tag, live, signedIn }) {
  const line = widget.querySelector('.typing');
  const typists = new Map();
  let lastReport = 0;

  function render() {
    const names = [...typists.values()].map((t) => t.name);
    if (names.length) fill(line, text('textTyping'), names);
    else line.replaceChildren();
  }

  function stop(userId) {
    const typist = typists.get(userId);
    if (!typist) return;
    clearTimeout(typist.timer);
    typists.delete(userId);
    render();
  }

  widget.querySelector('.compose textarea')?.addEventListener('input', () => {
    const now = Date.now();
    // A keystroke while the connection is down reports nothing, so it must not hold back the next one.
    if (!signedIn() || !live().isLive() || now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    live().notify('Typing', tag);
  });

  return {
    show(event) {
      if (event.tag !== tag) return;
      clearTimeout(typists.get(event.userId)?.timer);
      typists.set(event.userId, { name: event.name, timer: setTimeout(() => stop(event.userId), event.forMilliseconds) });
      render();
    },
    posted: (post) => stop(post.authorId),
  };
}
