import { button } from './button.js';

// The door of a call by admission (CallDoorPanel.razor), over the call hub's connection. "Join the call" asks
// first: the server answers at once for whoever may come in (a moderator, or someone already let in), else the
// visitor waits, and may cancel, until a moderator answers. A moderator's widget lists who asks, with Admit and
// Decline. The server decides who may answer and who may join; this only shows it. Absent where anyone signed
// in may join: then asking is always yes.
export function setUpDoor(panel, { tag, hub, refusal, say, onAdmitted, onChange }) {
  const root = panel.querySelector('.call-door');
  if (!root) {
    return { waiting: false, ask: async () => true, async follow() {}, reset() {} };
  }
  const words = root.dataset;
  const [waitingBox, list] = ['.call-waiting', '.call-requests'].map((selector) => root.querySelector(selector));
  let waiting = false;
  // Who asks, for a moderator of the channel; null for anyone else.
  let requests = null;

  function render() {
    waitingBox.hidden = !waiting;
    list.hidden = !requests?.length;
    list.replaceChildren(...(requests ?? []).map(({ userId, name }) => {
      const item = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = words.textAsks.replace('{0}', name);
      item.append(text, button(words.textAdmit, 'call-admit', () => answer('Admit', userId)),
        button(words.textDecline, 'call-decline', () => answer('Decline', userId)));
      return item;
    }));
    onChange();
  }

  async function answer(method, userId) {
    requests = requests?.filter((request) => request.userId !== userId) ?? null;
    render();
    await hub.invoke(method, tag, userId).catch((error) => say(refusal(error)));
  }

  // The answer may come to a reconnected connection: the request is the user's, not the connection's.
  function answered({ admitted, answered: inTime }) {
    waiting = false;
    render();
    if (admitted) {
      say(words.textAdmitted);
      onAdmitted();
    } else {
      say(inTime ? words.textDeclined : words.textUnanswered);
    }
  }

  hub.on('JoinAsked', ({ tag: asked, userId, name }) => {
    if (asked !== tag || !requests || requests.some((request) => request.userId === userId)) return;
    requests = [...requests, { userId, name }];
    render();
  });
  hub.on('JoinRequestEnded', ({ tag: ended, userId }) => {
    if (ended !== tag || !requests) return;
    requests = requests.filter((request) => request.userId !== userId);
    render();
  });
  hub.on('JoinAnswered', (event) => {
    if (event.tag === tag && waiting) answered(event);
  });

  root.querySelector('.call-waiting-cancel').addEventListener('click', () => {
    waiting = false;
    render();
    hub.invoke('CancelAsk', tag).catch(() => {});
  });

  async function ask() {
    const now = await hub.invoke('AskToJoin', tag);
    waiting = !now;
    render();
    return now;
  }

  return {
    get waiting() {
      return waiting;
    },
    // True when the call may be joined at once; a refusal (banned, too many asking) is thrown.
    ask,
    // After every watch, on a new connection: a moderator's list afresh, and a wait the old connection's close
    // withdrew is asked again.
    async follow(signedIn) {
      requests = signedIn ? await hub.invoke('JoinRequests', tag).catch(() => null) : null;
      if (waiting) {
        try {
          if (await ask()) answered({ admitted: true });
        } catch (error) {
          waiting = false;
          say(refusal(error));
        }
      }
      render();
    },
    reset() {
      waiting = false;
      requests = null;
      render();
    },
  };
}
