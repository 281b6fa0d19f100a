import { pointOf } from './anchor.js';
import { edgeOf } from './edge.js';
import { createMarkers } from './markers.js';
import { ripple } from './ripple.js';

const css = (element, styles) => Object.assign(element.style, styles);
const SVG = 'http://www.w3.org/2000/svg';

function arrow(doc, color) {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '20');
  svg.setAttribute('viewBox', '0 0 16 20');
  const shape = doc.createElementNS(SVG, 'path');
  shape.setAttribute('d', 'M0 0 L0 16 L4.5 12 L7.5 19 L10 18 L7 11 L13 11 Z');
  shape.setAttribute('fill', color);
  shape.setAttribute('stroke', '#fff');
  svg.append(shape);
  css(svg, { display: 'block' });
  return svg;
}

// The others' cursors, drawn over the page in a layer that takes no clicks and that screen readers skip.
// Each cursor's tip is its element's top-left corner; it glides to a new place unless the visitor asked for
// less motion, since updates come some 30 times a second at most. A cursor out of view gets a marker on that
// edge, which scrolls to it when clicked; its words come through `say`, in the widget's language. Pods are
// drawn the same way, told apart by the attribute that `mark` names.
export function createCursors(doc, { mark = 'data-widget-cursor' } = {}) {
  const win = doc.defaultView;
  const still = win.matchMedia && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const layer = doc.createElement('div');
  layer.setAttribute('aria-hidden', 'true');
  css(layer, { position: 'absolute', left: '0', top: '0', width: '0', height: '0', overflow: 'visible', pointerEvents: 'none', zIndex: '2147483647' });
  doc.documentElement.append(layer);
  const shown = new Map();
  let words = { above: '{0}', below: '{0}' };

  const markers = createMarkers(doc, (userId) => {
    const point = shown.has(userId) && pointOf(doc, shown.get(userId).anchor);
    if (point) win.scrollTo({ top: Math.max(0, point.top - win.innerHeight / 2), behavior: still ? 'auto' : 'smooth' });
  });

  function place(cursor) {
    const point = pointOf(doc, cursor.anchor);
    cursor.element.style.display = point ? 'block' : 'none';
    if (point) cursor.element.style.transform = `translate(${point.left}px, ${point.top}px)`;
    const edge = point && edgeOf(win, point);
    if (edge) {
      const text = words[edge].replace('{0}', () => cursor.person.name);
      markers.show(cursor.userId, cursor.person, { edge, x: point.left - win.scrollX, text });
    } else markers.hide(cursor.userId);
    return point;
  }

  function draw({ userId, name, color, path, x, y, click }) {
    let cursor = shown.get(userId);
    if (!cursor) {
      const element = doc.createElement('div');
      element.setAttribute(mark, name);
      css(element, { position: 'absolute', left: '0', top: '0', width: '0', height: '0', transition: still ? 'none' : 'transform 90ms linear' });
      const label = doc.createElement('span');
      label.textContent = name;
      css(label, {
        position: 'absolute', left: '12px', top: '16px', padding: '1px 6px', borderRadius: '8px', whiteSpace: 'nowrap',
        background: color, color: '#fff', font: '12px/1.4 system-ui, sans-serif',
      });
      element.append(arrow(doc, color), label);
      layer.append(element);
      cursor = { element, userId, person: { name, color } };
      shown.set(userId, cursor);
    }
    cursor.anchor = { path, x, y };
    const point = place(cursor);
    if (click === true && point) ripple(layer, point, cursor.person, still);
  }

  function remove(userId) {
    shown.get(userId)?.element.remove();
    shown.delete(userId);
    markers.hide(userId);
  }

  // Scrolling moves nothing of the layer, which is in document pixels, but may take a cursor into or out of view.
  const relayout = () => shown.forEach(place);
  win.addEventListener('resize', relayout);
  win.addEventListener('scroll', relayout, { passive: true });
  return {
    draw,
    remove,
    say({ above, below }) {
      words = { above: String(above || '{0}'), below: String(below || '{0}') };
    },
    stop() {
      win.removeEventListener('resize', relayout);
      win.removeEventListener('scroll', relayout);
      markers.stop();
      layer.remove();
    },
  };
}
