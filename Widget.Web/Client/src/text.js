// The widget's own words are rendered into the page in the site's language (data-text-* on .widget).
const labels = document.querySelector('.widget')?.dataset ?? {};

export const text = (key) => labels[key] ?? '';
