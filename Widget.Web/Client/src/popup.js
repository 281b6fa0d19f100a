// Last page of the sign-in popup. If a provider cut this window's link to the widget, the widget
// collects the code from /auth/handoff instead; either way the window has done its job. Should
// the browser refuse to close it, the page's own text tells the visitor what to do.
const { nonce, code, origin } = document.querySelector('.signin-done').dataset;
window.opener?.postMessage({ type: 'widget:signin', nonce, code }, origin);
window.close();
