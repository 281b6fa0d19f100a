// Forms filled in together, the frame's part: passes the host page module's form messages to the together hub
// and the others' back. It never reads the updates; the module on the host page alone decides which fields
// are shared, and the hub checks who sends, the size and the rate.
const text = (value, most) => (typeof value === 'string' && value.length <= most ? value : null);

export function createFormRelay({ say, privateSelector, hub, session, port, person }) {
  const toPage = (message) => port()?.postMessage(message);
  const mine = (sessionId) => session()?.sessionId === sessionId;

  return {
    // Hub events, added to the together connection's.
    events: {
      FormChanged({ sessionId, userId, update }) {
        if (mine(sessionId)) toPage({ type: 'form-update', userId, ...update });
      },
      FormAsked({ sessionId, page }) {
        if (mine(sessionId)) toPage({ type: 'form-asked', page });
      },
      FieldFocused({ sessionId, userId, page, field }) {
        const who = person(userId);
        if (mine(sessionId) && who) toPage({ type: 'field-focus', userId, name: who.name, color: who.color, page, field });
      },
    },
    // A new port to the host page: the module there starts syncing forms with the site's private selector.
    started(given) {
      given.postMessage({ type: 'forms', privateSelector, editing: say('textEditing') });
    },
    // A message from the host page; true when it was about forms.
    fromPage(data) {
      const current = session();
      const connection = hub();
      const page = text(data?.page, 400);
      if (!['form-send', 'form-ask', 'form-focus'].includes(data?.type)) return false;
      if (!current || !connection || !page) return true;
      const { sessionId } = current;
      if (data.type === 'form-send') {
        const update = { page, data: text(data.data, 3000), part: Number(data.part), parts: Number(data.parts) };
        connection.invoke('SendForm', sessionId, update).catch(() => toPage({ type: 'form-lost' }));
      } else if (data.type === 'form-ask') {
        connection.send('AskForm', sessionId, page).catch(() => {});
      } else {
        connection.send('FocusField', sessionId, page, text(data.field, 400)).catch(() => {});
      }
      return true;
    },
  };
}
