// "Write a post" skips every post's links: to the text box when signed in, else to signing in.
export function setUpSkipLink(widget) {
  const compose = widget.querySelector('.compose');
  widget.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    (compose.hidden ? widget.querySelector('.signin button:not([hidden])') : compose.elements.text)?.focus();
  });
}
