// Whether a point of the page, in document pixels, is above this visitor's view, below it, or in it (null).
// A cursor scrolled out of view is otherwise nowhere to be seen.
export function edgeOf(win, { top }) {
  if (top < win.scrollY) return 'above';
  if (top > win.scrollY + win.innerHeight) return 'below';
  return null;
}
