import { pathOf } from './anchor.js';

// Which fields of the host page are filled in together, and the name each has for everyone on the same page.
// Never shared: passwords, files and hidden inputs; fields whose autocomplete says credentials, one-time codes
// or payment cards; anything inside [data-together-private] or the site owner's private selector. A field
// found private once stays private, because a "show password" button turns type=password into type=text.
const NEVER_TYPES = new Set(['password', 'file', 'hidden']);
const SECRET_AUTOCOMPLETE = /(?:^|\s)(?:current-password|new-password|one-time-code|cc-[a-z-]+)(?:\s|$)/i;
const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel']);
const VALUE_TYPES = new Set(['number', 'range', 'color', 'date', 'time', 'datetime-local', 'month', 'week']);
const CANDIDATES = 'input, textarea, select, [contenteditable]';
const ID = /^[A-Za-z][\w-]{0,63}$/;

function kindOf(element) {
  switch (element.localName) {
    case 'textarea':
      return 'text';
    case 'select':
      return 'select';
    case 'input': {
      const type = element.type;
      if (type === 'checkbox') return 'check';
      if (type === 'radio') return element.name ? 'radio' : 'check';
      if (TEXT_TYPES.has(type)) return 'text';
      return VALUE_TYPES.has(type) ? 'value' : null;
    }
    default:
      // The editing host only: the text inside it is one field.
      return element.isContentEditable && !element.parentElement?.isContentEditable ? 'rich' : null;
  }
}

export function createFields(doc, privateSelector) {
  const marked = new WeakSet();
  let selectorWorks = true;
  try {
    if (privateSelector) doc.querySelector(privateSelector);
  } catch {
    // A selector the browser cannot read could hide nothing, so nothing is shared at all.
    selectorWorks = false;
  }

  function isPrivate(element) {
    if (!selectorWorks || marked.has(element)) return true;
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    const secret = (element.localName === 'input' && (NEVER_TYPES.has(element.type) || NEVER_TYPES.has(type)))
      || SECRET_AUTOCOMPLETE.test(element.getAttribute('autocomplete') ?? '')
      || element.closest('[data-together-private]')
      || (privateSelector && element.closest(privateSelector));
    if (secret) marked.add(element);
    return Boolean(secret);
  }

  function formKey(element) {
    const { form } = element;
    if (!form) return 'page';
    return ID.test(form.id) ? `#${form.id}` : `form${Array.prototype.indexOf.call(doc.forms, form)}`;
  }

  function keyOf(element, kind) {
    if (kind === 'radio') return `radio:${formKey(element)}:${element.name}`;
    if (ID.test(element.id) && doc.getElementById(element.id) === element) return `#${element.id}`;
    if (element.name) {
      const same = Array.prototype.filter.call((element.form ?? doc).querySelectorAll(element.localName), (e) => e.name === element.name);
      return `name:${formKey(element)}:${element.name}:${same.indexOf(element)}`;
    }
    const path = pathOf(doc, element);
    return path ? `path:${path}` : null;
  }

  // The shared field an event happened in, as { element, kind, key }, or null when it is not shared.
  function shared(target) {
    if (!target || target.nodeType !== 1) return null;
    let element = target;
    while (element.parentElement?.isContentEditable) element = element.parentElement;
    const kind = kindOf(element);
    if (!kind || isPrivate(element)) return null;
    const key = keyOf(element, kind);
    return key && key.length <= 400 ? { element, kind, key } : null;
  }

  // The shared fields with that key on this page: one, or a group's radios.
  function find(key) {
    return Array.prototype.map.call(doc.querySelectorAll(CANDIDATES), shared).filter((field) => field?.key === key);
  }

  return { shared, find };
}

// A field's value as shared: text, a checkbox's state, a radio group's chosen value, a select's value or values.
export function readField({ element, kind }, group) {
  switch (kind) {
    case 'rich':
      return element.textContent;
    case 'check':
      return element.checked;
    case 'radio':
      return group.find((field) => field.element.checked)?.element.value ?? '';
    case 'select':
      return element.multiple ? Array.from(element.selectedOptions, (option) => option.value) : element.value;
    default:
      return element.value;
  }
}

export function writeChoice({ element, kind }, value) {
  if (kind === 'check') element.checked = value === true;
  else if (kind === 'radio') element.checked = element.value === value;
  else if (kind === 'select' && element.multiple) {
    const chosen = new Set(Array.isArray(value) ? value : []);
    Array.from(element.options).forEach((option) => { option.selected = chosen.has(option.value); });
  } else element.value = String(value ?? '');
}
