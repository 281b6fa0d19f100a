const css = (element, styles) => Object.assign(element.style, styles);
const ARROWS = { above: '\u2191', below: '\u2193' };
const MARGIN = 8;

// "Anna is below": a participant whose cursor is out of this visitor's view, pinned to the top or bottom edge
// in their colour. Unlike the cursors it is a control, a real button with the words as its name, so it sits
// outside their aria-hidden layer and takes clicks: `jump` brings that cursor into view, on that click only.
export function createMarkers(doc, jump) {
  const layer = doc.createElement('div');
  css(layer, { position: 'fixed', left: '0', top: '0', width: '100%', height: '100%', pointerEvents: 'none', zIndex: '2147483647' });
  doc.documentElement.append(layer);
  const shown = new Map();

  function create(userId, { name, color }) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-widget-jump', name);
    css(button, {
      position: 'absolute', margin: '0', padding: '2px 8px', border: '0', borderRadius: '8px', whiteSpace: 'nowrap',
      background: color, color: '#fff', font: '12px/1.4 system-ui, sans-serif', cursor: 'pointer', pointerEvents: 'auto',
    });
    const words = doc.createElement('span');
    const arrow = doc.createElement('span');
    arrow.setAttribute('aria-hidden', 'true');
    button.append(words, arrow);
    button.addEventListener('click', () => jump(userId));
    layer.append(button);
    const marker = { button, words, arrow, edge: null };
    shown.set(userId, marker);
    return marker;
  }

  // `x` is where the cursor is across the view; the marker stays whole inside it.
  function show(userId, person, { edge, x, text }) {
    const marker = shown.get(userId) ?? create(userId, person);
    if (marker.edge !== edge) {
      marker.edge = edge;
      marker.words.textContent = text;
      marker.arrow.textContent = ` ${ARROWS[edge]}`;
      css(marker.button, edge === 'above' ? { top: `${MARGIN}px`, bottom: '' } : { top: '', bottom: `${MARGIN}px` });
    }
    const room = doc.documentElement.clientWidth - marker.button.offsetWidth - MARGIN;
    marker.button.style.left = `${Math.max(MARGIN, Math.min(x - marker.button.offsetWidth / 2, room))}px`;
  }

  function hide(userId) {
    shown.get(userId)?.button.remove();
    shown.delete(userId);
  }

  return { show, hide, stop: () => layer.remove() };
}
