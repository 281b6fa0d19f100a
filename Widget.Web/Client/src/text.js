// The widget's own words are rendered into the page in the site's language (data-text-* on .widget;
// a tag's public page carries the few it needs on .timeline).
const labels = document.querySelector('.widget, .timeline')?.dataset ?? {};

// The site's language, which the page is rendered in; the hub is told it too, for its own words.
export const lang = document.documentElement.lang || 'en';

export const text = (key) => labels[key] ?? '';

const plurals = new Intl.PluralRules(lang);

// A count's words in the language's plural form for it ("1 пост", "2 поста", "5 постов"): the page holds
// every form the language has, as JSON, and the browser knows which one a number takes.
export function plural(key, n) {
  let forms;
  try {
    forms = JSON.parse(labels[key] || '{}');
  } catch {
    forms = {};
  }
  return (forms[plurals.select(n)] ?? forms.other ?? '').replace('{0}', n.toLocaleString(lang));
}

// The server writes every time in its messages as an ISO instant (a ban's end); the visitor reads it on
// their own clock, in the widget's language.
const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\b/g;
const clock = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

export const localTimes = (message) => String(message ?? '').replace(INSTANT, (instant) => clock.format(new Date(instant)));

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
