import { text } from './text.js';
const POLL_MS = 1500;
const GIVE_UP_MS = 5 * 60 * 1000;

let abandon = () => {};

const postJson = (url, body) => fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

const base64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

// PKCE-style: the nonce in the popup's URL is the hash of a verifier that never leaves this frame
// except to the popup it opened, so a planted link to the popup can neither start nor collect a sign-in.
async function newSecrets() {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, nonce: base64Url(new Uint8Array(digest)) };
}

async function handoff(verifier) {
  try {
    const response = await postJson('/auth/handoff', { verifier });
    return response.status === 200 ? (await response.json()).code : null;
  } catch {
    // A failed poll is one more "not yet"; the next one may get through.
    return null;
  }
}

// The popup runs the provider's flow on our own origin, so no third-party cookie is involved.
// Resolves to the session, or null if the visitor gave up.
export async function signIn(provider) {
  // A second click starts over; the popup window is reused, the old nonce is dropped.
  abandon();
  const { verifier, nonce } = await newSecrets();
  const lang = encodeURIComponent(document.documentElement.lang);
  const popup = window.open(`/auth/popup?provider=${encodeURIComponent(provider)}&nonce=${nonce}&lang=${lang}`, 'widget-signin', 'popup,width=480,height=640');
  if (!popup) throw new Error(text('textAllowPopups'));

  const code = await new Promise((resolve) => {
    const deadline = Date.now() + GIVE_UP_MS;
    let timer;
    let over = false;

    const end = (result) => {
      if (over) return;
      over = true;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(result);
    };
    abandon = () => end(null);

    // Only the window this frame opened, on our own origin, is told the verifier or heard from.
    function onMessage(event) {
      const { data } = event;
      if (event.origin !== location.origin || event.source !== popup || data?.nonce !== nonce) return;
      if (data.type === 'widget:signin-hello') popup.postMessage({ type: 'widget:signin-verifier', nonce, verifier }, location.origin);
      else if (data.type === 'widget:signin') end(data.code);
    }

    // Some providers cut the popup's link to us, and then no message ever comes; the code waits
    // on the server instead. Such a popup also reads as closed while the visitor is still in it,
    // so "closed" only counts once focus is back here, as it is after a real close.
    async function poll() {
      // Read before asking, so a popup that stored its code and then closed still has it collected.
      const gone = popup.closed && document.hasFocus();
      const result = await handoff(verifier);
      if (result || gone || Date.now() > deadline) end(result);
      else if (!over) timer = setTimeout(poll, POLL_MS);
    }

    window.addEventListener('message', onMessage);
    timer = setTimeout(poll, POLL_MS);
  });
  if (!code) return null;

  const response = await postJson('/auth/token', { verifier, code });
  if (!response.ok) throw new Error(text('textSigninFailed'));
  const { accessToken, expiresIn, user } = await response.json();
  return { accessToken, expiresAt: Date.now() + expiresIn * 1000, user };
}

export async function signOut(accessToken) {
  try {
    await fetch('/auth/signout', { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
  } catch {
    // The visitor is signed out here already; the token just lives on until it expires.
  }
}
