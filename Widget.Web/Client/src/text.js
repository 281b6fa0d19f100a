// The widget's own words are rendered into the page in the site's language (data-text-* on .widget;
// a tag's public page carries the few it needs on .timeline).
const labels = document.querySelector('.widget, .timeline')?.dataset ?? {};

export const text = (key) => labels[key] ?? '';

// Puts a label into an element with people's names for its "{0}", each name in its own <bdi>: whatever
// direction a name is written in, it cannot reorder the words of the label around it.
export function fill(element, label, names = []) {
  const [before, after = ''] = label.split('{0}');
  const parts = names.flatMap((name, i) => {
    const bdi = document.createElement('bdi');
    bdi.textContent = name;
    return i > 0 ? [', ', bdi] : [bdi];
  });
  element.replaceChildren(before, ...parts, after);
}
