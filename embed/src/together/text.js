// The one stretch in which two versions of a field's text differ. For an edit the visitor made, `caret` (where
// their caret is now) places the change where they typed it when the text around repeats ("aa" + "a").
export function textChange(was, now, caret = now.length) {
  const most = Math.min(was.length, now.length);
  let index = 0;
  while (index < Math.min(most, caret) && was[index] === now[index]) index += 1;
  let kept = 0;
  while (kept < Math.min(most - index, now.length - caret) && was[was.length - 1 - kept] === now[now.length - 1 - kept]) kept += 1;
  return { index, removed: was.length - index - kept, inserted: now.slice(index, now.length - kept) };
}

// Where a caret goes when another participant's change lands: before the change it stays, after it it moves
// with the text, inside a removed stretch it goes to the change's end.
export function movedCaret(position, { index, removed, inserted }) {
  if (position <= index) return position;
  if (position >= index + removed) return position - removed + inserted.length;
  return index + inserted.length;
}

function caretIn(element) {
  const selection = element.ownerDocument.getSelection();
  if (!selection?.rangeCount || !element.contains(selection.focusNode)) return null;
  const range = element.ownerDocument.createRange();
  range.setStart(element, 0);
  range.setEnd(selection.focusNode, selection.focusOffset);
  return range.toString().length;
}

// Shows another participant's text in a field; the visitor's own caret and selection keep their place.
export function writeText({ element, kind }, next) {
  const doc = element.ownerDocument;
  if (kind === 'rich') {
    if (element.textContent === next) return;
    const caret = caretIn(element);
    const change = textChange(element.textContent, next);
    element.textContent = next;
    if (caret !== null && element.firstChild) doc.getSelection().collapse(element.firstChild, movedCaret(caret, change));
    return;
  }
  if (element.value === next) return;
  const focused = doc.activeElement === element;
  const { selectionStart: start, selectionEnd: end, selectionDirection: direction } = element;
  const change = textChange(element.value, next);
  element.value = next;
  if (focused && start !== null) element.setSelectionRange(movedCaret(start, change), movedCaret(end, change), direction ?? 'none');
}

// Where the visitor's caret is in a field after their own edit.
export function caretOf({ element, kind }) {
  return kind === 'rich' ? caretIn(element) ?? element.textContent.length : element.selectionEnd ?? element.value.length;
}
