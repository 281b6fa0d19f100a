// A point on the page as the element under it and the fraction of that element's box where it stands, so
// that the same point can be found on a screen of another size. The element is named by a path from the
// body: the nearest ancestor with an id the server accepts, then child indexes; with no such element (the
// body itself, a path too deep) the point is the fraction of the document's width and pixels from its top.
const ID = /^[A-Za-z][\w-]{0,63}$/;
const MAX_DEPTH = 48;
const MAX_PATH = 400;

const clamp = (n) => Math.min(1, Math.max(0, n));

export function pathOf(doc, element) {
  const steps = [];
  for (let node = element; node && node !== doc.body; node = node.parentElement) {
    if (steps.length >= MAX_DEPTH || !node.parentElement) return '';
    if (ID.test(node.id) && doc.getElementById(node.id) === node) return `#${node.id}${steps.join('')}`;
    steps.unshift(`/${Array.prototype.indexOf.call(node.parentElement.children, node)}`);
  }
  return steps.join('');
}

function elementAt(doc, path) {
  if (!path) return null;
  const [, id, rest] = /^(?:#([^/]+))?(.*)$/.exec(path);
  let element = id ? doc.getElementById(id) : doc.body;
  for (const index of rest.split('/').slice(1)) {
    element = element && element.children[Number(index)];
  }
  return element || null;
}

export function anchorOf(doc, target, clientX, clientY) {
  const win = doc.defaultView;
  const path = target && target.nodeType === 1 ? pathOf(doc, target) : '';
  const box = path && path.length <= MAX_PATH && target.getBoundingClientRect();
  if (box && box.width > 0 && box.height > 0) {
    return { path, x: clamp((clientX - box.left) / box.width), y: clamp((clientY - box.top) / box.height) };
  }
  const width = doc.documentElement.scrollWidth || 1;
  return { path: '', x: clamp((clientX + win.scrollX) / width), y: Math.max(0, clientY + win.scrollY) };
}

// Where the anchor is on this page, in document pixels.
export function pointOf(doc, { path, x, y }) {
  const win = doc.defaultView;
  const element = elementAt(doc, path);
  if (!element) return path ? null : { left: x * doc.documentElement.scrollWidth, top: y };
  const box = element.getBoundingClientRect();
  return { left: box.left + win.scrollX + x * box.width, top: box.top + win.scrollY + y * box.height };
}
