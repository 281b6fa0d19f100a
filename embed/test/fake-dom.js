// Just enough of a browser for the embed's DOM code: elements, events, a window that records what
// is posted to a frame, and an IntersectionObserver the test drives by hand.

class Target {
  listeners = [];

  addEventListener(type, listener, options) {
    this.listeners.push({ type, listener, once: options?.once });
  }

  removeEventListener(type, listener) {
    this.listeners = this.listeners.filter((entry) => entry.type !== type || entry.listener !== listener);
  }

  dispatch(type, event = {}) {
    for (const entry of [...this.listeners]) {
      if (entry.type !== type) continue;
      if (entry.once) this.listeners.splice(this.listeners.indexOf(entry), 1);
      entry.listener(event);
    }
  }
}

class Element extends Target {
  style = {};
  children = [];
  parent = null;
  attributes = new Map();
  textContent = '';

  constructor(ownerDocument, tagName) {
    super();
    this.ownerDocument = ownerDocument;
    this.tagName = tagName.toUpperCase();
    // A frame's window: it records what the host posts to it.
    if (this.tagName === 'IFRAME') this.contentWindow = { posted: [], postMessage(data, origin) { this.posted.push({ data, origin }); } };
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.get(name) ?? null;
  }

  hasAttribute(name) {
    return this.attributes.has(name);
  }

  get hidden() {
    return this.hasAttribute('hidden');
  }

  set hidden(value) {
    if (value) this.setAttribute('hidden', '');
    else this.attributes.delete('hidden');
  }

  append(...nodes) {
    for (const node of nodes) {
      node.remove();
      node.parent = this;
      this.children.push(node);
    }
  }

  replaceChildren(...nodes) {
    for (const child of [...this.children]) child.remove();
    this.append(...nodes);
  }

  remove() {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }

  attachShadow() {
    this.shadowRoot = new Element(this.ownerDocument, '#shadow-root');
    return this.shadowRoot;
  }

  focus() {
    this.ownerDocument.activeElement = this;
  }

  click() {
    this.dispatch('click');
  }

  // Every element below this one, shadow roots included.
  *descendants() {
    for (const child of [...(this.shadowRoot ? [this.shadowRoot] : []), ...this.children]) {
      yield child;
      yield* child.descendants();
    }
  }

  find(tagName) {
    return [...this.descendants()].filter((element) => element.tagName === tagName.toUpperCase());
  }
}

class IntersectionObserver {
  constructor(callback, options) {
    this.callback = callback;
    this.options = options;
    this.targets = new Set();
  }

  observe(target) {
    this.targets.add(target);
  }

  unobserve(target) {
    this.targets.delete(target);
  }

  // What the browser does when `target` comes near the viewport.
  enter(target) {
    this.callback([{ target, isIntersecting: true }]);
  }
}

// `stored` is the tab's session storage, shared by the pages a test opens one after another in it.
export function createWindow({ href = 'https://host.example/page', title = 'Host page', reducedMotion = false, intersection = true, stored = new Map() } = {}) {
  const window = new Target();
  const document = Object.assign(new Target(), {
    title,
    activeElement: null,
    defaultView: window,
    createElement: (tagName) => new Element(document, tagName),
    createElementNS: (namespace, tagName) => new Element(document, tagName),
    querySelectorAll(selector) {
      const name = /^\[([\w-]+)\]$/.exec(selector)[1];
      return [...document.body.descendants()].filter((element) => element.hasAttribute(name));
    },
  });
  document.body = new Element(document, 'body');
  document.head = new Element(document, 'head');
  Object.assign(window, {
    document,
    sessionStorage: { getItem: (key) => stored.get(key) ?? null, setItem: (key, value) => stored.set(key, String(value)) },
    observers: [],
    location: { href },
    intervals: [],
    setInterval(callback, ms) {
      window.intervals.push({ callback, ms });
    },
    matchMedia: (query) => ({ matches: reducedMotion && query === '(prefers-reduced-motion: reduce)' }),
    IntersectionObserver: intersection
      ? class extends IntersectionObserver {
        constructor(...args) {
          super(...args);
          window.observers.push(this);
        }
      }
      : undefined,
  });
  return window;
}

// An element of `document` with the given attributes, appended to its body.
export function addElement(document, tagName, attributes = {}) {
  const element = document.createElement(tagName);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}
