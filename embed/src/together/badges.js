const css = (element, styles) => Object.assign(element.style, styles);

// "Anna is editing" over the field another participant is in, in their colour; like the cursors it takes no
// clicks, and screen readers skip it (the widget's panel says who is in the session).
export function createBadges(doc) {
  const win = doc.defaultView;
  const layer = doc.createElement('div');
  layer.setAttribute('aria-hidden', 'true');
  css(layer, { position: 'absolute', left: '0', top: '0', width: '0', height: '0', overflow: 'visible', pointerEvents: 'none', zIndex: '2147483646' });
  doc.documentElement.append(layer);
  const shown = new Map();

  function place({ badge, element }) {
    const box = element.getBoundingClientRect();
    badge.style.display = box.width || box.height ? 'block' : 'none';
    css(badge, { left: `${box.left + win.scrollX}px`, top: `${box.top + win.scrollY - badge.offsetHeight}px` });
  }

  function hide(userId) {
    shown.get(userId)?.badge.remove();
    shown.delete(userId);
  }

  function show(userId, { name, color }, element, words) {
    hide(userId);
    const badge = doc.createElement('span');
    badge.setAttribute('data-widget-editing', name);
    badge.textContent = words.replace('{0}', () => name);
    css(badge, {
      position: 'absolute', padding: '1px 6px', borderRadius: '6px 6px 6px 0', whiteSpace: 'nowrap',
      background: color, color: '#fff', font: '12px/1.4 system-ui, sans-serif',
    });
    layer.append(badge);
    const entry = { badge, element };
    shown.set(userId, entry);
    place(entry);
  }

  const relayout = () => shown.forEach(place);
  win.addEventListener('resize', relayout);
  return {
    show,
    hide,
    clear: () => [...shown.keys()].forEach(hide),
    stop() {
      win.removeEventListener('resize', relayout);
      layer.remove();
    },
  };
}
