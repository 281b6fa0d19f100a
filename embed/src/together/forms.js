import * as Y from 'yjs';
import { createBadges } from './badges.js';
import { createFields, readField, writeChoice } from './fields.js';
import { caretOf, textChange, writeText } from './text.js';
import { createJoiner, pieces } from './wire.js';

// Forms filled in together. One Y.Doc per page and session holds each shared text field as a Y.Text (so two
// people typing in one field lose no character) and the choices (checkboxes, radios, selects, dates...) in a
// Y.Map, last change wins. Only fields.js decides what is shared; nothing else of the page goes into the doc.
// The doc's updates go through the port to the widget's frame and the hub, which passes them on unread.
const LOCAL = 'local';
const REMOTE = 'remote';
// Edits go out merged, at most this often: typing costs a few messages a second, not one a key.
const SEND_MS = 150;
const RESEND_MS = 1000;

const TEXT_KINDS = new Set(['text', 'rich']);
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// A field's starting text is made by a client id drawn from the field's key and the text itself, so
// participants whose page starts the field alike make the very same Yjs items, which merge into one.
function seedId(key, text) {
  let hash = 0x811c9dc5;
  for (const char of `${key}\u0000${text}`) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return hash || 1;
}

function seedOf(key, text) {
  const seed = new Y.Doc();
  seed.clientID = seedId(key, text);
  seed.getText(`t${key}`).insert(0, text);
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

function startForms(doc, post, { privateSelector, editing }) {
  const win = doc.defaultView;
  const fields = createFields(doc, privateSelector);
  const badges = createBadges(doc);
  const joiner = createJoiner();
  let page = win.location.pathname;
  let ydoc = null;
  let pending = [];
  let sendTimer = 0;
  let resendTimer = 0;
  let seeded = new Set();

  const sendWhole = (update) => pieces(update).forEach((piece) => post({ type: 'form-send', page, ...piece }));

  function flush() {
    sendTimer = 0;
    if (pending.length) sendWhole(Y.mergeUpdates(pending));
    pending = [];
  }

  function seed(field) {
    if (!TEXT_KINDS.has(field.kind) || seeded.has(field.key)) return;
    seeded.add(field.key);
    const text = field.kind === 'rich' ? field.element.textContent : field.element.defaultValue;
    if (text) Y.applyUpdate(ydoc, seedOf(field.key, text), LOCAL);
  }

  function render(textKeys, choiceKeys) {
    for (const key of textKeys) {
      const text = ydoc.getText(`t${key}`).toString();
      fields.find(key).filter((field) => TEXT_KINDS.has(field.kind)).forEach((field) => writeText(field, text));
    }
    const values = ydoc.getMap('v');
    for (const key of choiceKeys) {
      fields.find(key).filter((field) => !TEXT_KINDS.has(field.kind)).forEach((field) => writeChoice(field, values.get(key)));
    }
  }

  function open() {
    ydoc?.destroy();
    ydoc = new Y.Doc();
    seeded = new Set();
    pending = [];
    ydoc.on('update', (update, origin) => {
      if (origin !== LOCAL) return;
      pending.push(update);
      sendTimer ||= win.setTimeout(flush, SEND_MS);
    });
    doc.querySelectorAll('input, textarea, [contenteditable]').forEach((element) => {
      const field = fields.shared(element);
      if (field) seed(field);
    });
    badges.clear();
    // Whoever is already on the page answers with what they hold.
    post({ type: 'form-ask', page });
  }

  // A single-page app moved to another address: that page has a doc of its own.
  function samePage() {
    if (win.location.pathname === page) return;
    page = win.location.pathname;
    open();
  }

  function edited(event) {
    samePage();
    const field = fields.shared(event.target);
    if (!field) return;
    if (TEXT_KINDS.has(field.kind)) {
      seed(field);
      const text = ydoc.getText(`t${field.key}`);
      const was = text.toString();
      const now = readField(field);
      if (was === now) return;
      const { index, removed, inserted } = textChange(was, now, caretOf(field));
      ydoc.transact(() => {
        if (removed) text.delete(index, removed);
        if (inserted) text.insert(index, inserted);
      }, LOCAL);
    } else {
      const values = ydoc.getMap('v');
      const value = readField(field, field.kind === 'radio' ? fields.find(field.key) : []);
      if (!same(values.get(field.key), value)) ydoc.transact(() => values.set(field.key, value), LOCAL);
    }
  }

  function focused(event) {
    const field = event.type === 'focusin' && fields.shared(event.target);
    if (field || fields.shared(event.target)) post({ type: 'form-focus', page, field: field ? field.key : null });
  }

  function received(data) {
    const update = joiner(data.userId, data);
    if (!update) return;
    const textKeys = new Set();
    const choiceKeys = new Set();
    const noteChanges = (transaction) => {
      if (transaction.origin !== REMOTE) return;
      for (const [name, type] of ydoc.share) {
        if (!transaction.changed.has(type)) continue;
        if (name === 'v') transaction.changed.get(type).forEach((key) => choiceKeys.add(key));
        else if (name.startsWith('t')) textKeys.add(name.slice(1));
      }
    };
    ydoc.on('afterTransaction', noteChanges);
    try {
      Y.applyUpdate(ydoc, update, REMOTE);
    } catch {
      // Another participant's broken update changes nothing here.
    } finally {
      ydoc.off('afterTransaction', noteChanges);
    }
    render(textKeys, choiceKeys);
  }

  const events = [['input', edited], ['change', edited], ['focusin', focused], ['focusout', focused]];
  events.forEach(([name, handler]) => doc.addEventListener(name, handler, true));
  open();

  return {
    receive(data) {
      samePage();
      if (data.page !== page && data.type !== 'form-lost' && data.type !== 'gone') return;
      if (data.type === 'form-update') received(data);
      else if (data.type === 'form-asked') sendWhole(Y.encodeStateAsUpdate(ydoc));
      else if (data.type === 'form-lost') {
        // A piece the server refused (too fast): everything this page holds goes again, which repeats nothing.
        resendTimer ||= win.setTimeout(() => { resendTimer = 0; sendWhole(Y.encodeStateAsUpdate(ydoc)); }, RESEND_MS);
      } else if (data.type === 'gone' || data.field === null) badges.hide(data.userId);
      else if (data.type === 'field-focus') {
        const [field] = fields.find(data.field);
        if (field) badges.show(data.userId, data, field.element, editing);
        else badges.hide(data.userId);
      }
    },
    stop() {
      events.forEach(([name, handler]) => doc.removeEventListener(name, handler, true));
      win.clearTimeout(sendTimer);
      win.clearTimeout(resendTimer);
      badges.stop();
      ydoc.destroy();
    },
  };
}

const FORM_MESSAGES = new Set(['form-update', 'form-asked', 'form-lost', 'field-focus']);

// The forms' half of the host page module. It starts once the widget's frame sends the site's settings, and
// takes the port's form messages; `gone` also takes the badge of someone who left.
export function syncForms(doc, post) {
  let forms = null;
  return {
    receive(data) {
      if (data?.type === 'forms' && !forms) {
        forms = startForms(doc, post, { privateSelector: String(data.privateSelector ?? ''), editing: String(data.editing ?? '') });
        return true;
      }
      if (data?.type === 'gone') forms?.receive(data);
      if (!FORM_MESSAGES.has(data?.type)) return false;
      forms?.receive(data);
      return true;
    },
    stop: () => forms?.stop(),
  };
}
