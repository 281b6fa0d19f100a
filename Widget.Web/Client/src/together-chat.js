// The session's chat in the widget. The server passes lines on and keeps none; this tab keeps the last few
// in its own session storage so that a reload or the next page of the site (which reloads the widget too)
// does not wipe the conversation, and forgets them when the session ends.
const KEPT = 'widget.together.chat';
const MAX_KEPT = 50;

const storage = {
  get: () => { try { return JSON.parse(sessionStorage.getItem(KEPT)); } catch { return null; } },
  set: (value) => { try { sessionStorage.setItem(KEPT, JSON.stringify(value)); } catch { /* storage off: lines go with the page */ } },
  forget: () => { try { sessionStorage.removeItem(KEPT); } catch { /* storage off */ } },
};

// session(): the session's view or null; call(method, ...args): true when the hub took it, its refusal shown otherwise.
export function setUpChat(panel, { session, call }) {
  const box = panel.querySelector('.together-chat');
  const log = box.querySelector('.together-lines');
  const form = box.querySelector('.together-say');
  const input = form.elements.line;
  let kept = [];

  // Names and lines are the participants' own words: text nodes only.
  function show({ name, text }) {
    const item = document.createElement('li');
    const who = document.createElement('bdi');
    who.className = 'together-line-name';
    who.textContent = name;
    const said = document.createElement('span');
    said.textContent = text;
    item.append(who, ': ', said);
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const view = session();
    if (!text || !view) return;
    if (await call('Say', view.sessionId, text)) input.value = '';
  });

  return {
    joined(view) {
      const saved = storage.get();
      kept = saved?.sessionId === view.sessionId && Array.isArray(saved.lines) ? saved.lines.slice(-MAX_KEPT) : [];
      log.replaceChildren();
      kept.forEach(show);
      box.hidden = false;
    },
    events: {
      Said(line) {
        const view = session();
        if (!view || line.sessionId !== view.sessionId) return;
        show(line);
        kept = [...kept, { name: line.name, text: line.text }].slice(-MAX_KEPT);
        storage.set({ sessionId: view.sessionId, lines: kept });
      },
    },
    stop() {
      storage.forget();
      kept = [];
      log.replaceChildren();
      input.value = '';
      box.hidden = true;
    },
  };
}
