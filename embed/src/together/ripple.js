const css = (element, styles) => Object.assign(element.style, styles);
const SHOWN_MS = 600;
const SIZE = 32;

// Another participant's click, where it happened: a ring that grows and fades, or a ring that stands still for
// a moment for a visitor who asked for less motion. Drawn in the cursors' layer, which screen readers skip.
export function ripple(layer, { left, top }, { name, color }, still) {
  const doc = layer.ownerDocument;
  const ring = doc.createElement('div');
  ring.setAttribute('data-widget-ripple', name);
  css(ring, {
    position: 'absolute', left: `${left - SIZE / 2}px`, top: `${top - SIZE / 2}px`, width: `${SIZE}px`, height: `${SIZE}px`,
    boxSizing: 'border-box', border: `3px solid ${color}`, borderRadius: '50%',
  });
  layer.append(ring);
  if (!still) ring.animate?.([{ transform: 'scale(0.3)', opacity: 1 }, { transform: 'scale(1.4)', opacity: 0 }], { duration: SHOWN_MS, easing: 'ease-out' });
  doc.defaultView.setTimeout(() => ring.remove(), SHOWN_MS);
}
