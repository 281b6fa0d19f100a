// First page of the sign-in popup. It starts a sign-in only with the verifier that the widget frame
// which opened it holds: a link to this page posted in a chat opens with no opener, and a page of
// another site that opens it never hears our message, so neither can start anything.
const page = document.querySelector('.signin-start');
const { nonce, provider, lang } = page.dataset;
const opener = window.opener;
const ANSWER_MS = 5000;

function refuse() {
  page.querySelector('.signin-waiting').hidden = true;
  page.querySelector('.signin-refused').hidden = false;
}

async function start(verifier) {
  const response = await fetch('/auth/popup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider, verifier }),
  });
  if (!response.ok) return refuse();
  const query = new URLSearchParams({ provider, nonce, lang });
  location.replace(`/auth/challenge?${query}`);
}

if (!opener) {
  refuse();
} else {
  const timer = setTimeout(refuse, ANSWER_MS);
  window.addEventListener('message', (event) => {
    const { data } = event;
    if (event.origin !== location.origin || event.source !== opener) return;
    if (data?.type !== 'widget:signin-verifier' || data.nonce !== nonce) return;
    clearTimeout(timer);
    start(data.verifier).catch(refuse);
  });
  opener.postMessage({ type: 'widget:signin-hello', nonce }, location.origin);
}
