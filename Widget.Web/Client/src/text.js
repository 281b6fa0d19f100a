// The widget's own words are rendered into the page in the site's language (data-text-* on .widget;
// a tag's public page carries the few it needs on .timeline).
const labels = document.querySelector('.widget, .timeline')?.dataset ?? {};

export const text = (key) => labels[key] ?? '';
