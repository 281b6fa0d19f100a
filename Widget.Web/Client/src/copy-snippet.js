// The configurator's Copy buttons. One listener on the document rather than one per button: Blazor
// adds and replaces the buttons as it renders, and a listener on the document outlives all of that.
// The copy runs here, in the click itself, because browsers allow clipboard writes only during one.
const CONFIRM_MS = 4000;
const timers = new WeakMap();

function confirm(status, text) {
  status.textContent = text;
  clearTimeout(timers.get(status));
  timers.set(status, setTimeout(() => { status.textContent = ''; }, CONFIRM_MS));
}

async function copy(button) {
  const source = document.getElementById(button.dataset.copyFrom);
  const status = button.parentElement.querySelector('[role=status]');
  if (!source || !status) return;
  try {
    await navigator.clipboard.writeText(source.value);
    confirm(status, 'Copied');
  } catch {
    // Without clipboard access (a page served over plain http, a denied permission) the text is
    // selected instead, one key press from copied.
    source.focus();
    source.select();
    confirm(status, 'Selected: press Ctrl+C (⌘C on a Mac) to copy');
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('button[data-copy-from]');
  if (button) copy(button);
});
