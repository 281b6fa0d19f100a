// A plain button for a row the script builds: type "button", so it never submits a form it lands in.
export function button(label, className, onClick, ariaLabel) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  if (ariaLabel) element.setAttribute('aria-label', ariaLabel);
  element.addEventListener('click', onClick);
  return element;
}
