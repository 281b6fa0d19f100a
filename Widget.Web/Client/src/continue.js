import { fill, text } from './text.js';

// In a third-party frame our cookies are out of reach, so a visitor signed in on our own domain
// still has to pass through the popup on every new site. Where the browser offers the Storage Access
// API, this button asks for that access instead and, once given, trades the session's cross-site
// cookie for a token at /auth/silent: one click, no popup. Denied, or nobody signed in: the button
// goes and the popup buttons beside it remain.

async function fetchSession() {
  try {
    const response = await fetch('/auth/silent', { method: 'POST', credentials: 'same-origin' });
    if (response.status !== 200) return null;
    const { accessToken, expiresIn, user } = await response.json();
    return { accessToken, expiresAt: Date.now() + expiresIn * 1000, user };
  } catch {
    return null;
  }
}

// 'granted' when no prompt stands between us and the cookie (a first-party page, a browser that
// allows third-party cookies, or a grant earlier on this site); 'prompt' or 'denied' otherwise.
// Browsers without the permission's name in their Permissions API throw; they can still prompt.
async function accessState() {
  try {
    if (await document.hasStorageAccess()) return 'granted';
    return (await navigator.permissions.query({ name: 'storage-access' })).state;
  } catch {
    return 'prompt';
  }
}

export function offerContinue(signin, { onSession }) {
  const button = signin.querySelector('.continue-button');
  if (!button || !document.requestStorageAccess) return;
  let ready = null;

  button.addEventListener('click', async () => {
    let session = ready;
    if (!session) {
      try {
        // Within the click's user activation, as the browser may ask the visitor now.
        await document.requestStorageAccess();
        session = await fetchSession();
      } catch {
        // Denied, by the visitor or the browser.
      }
    }
    button.hidden = true;
    if (session) onSession(session);
    else signin.querySelector('.signin-button')?.focus();
  });

  (async () => {
    const state = await accessState();
    if (state === 'denied') return;
    if (state === 'granted') {
      // Nothing to ask the visitor, so ask the server at once: the button appears only if someone
      // is signed in, and then it says who.
      try {
        await document.requestStorageAccess();
      } catch {
        return;
      }
      ready = await fetchSession();
      if (!ready) return;
      fill(button, text('textContinueAs'), [ready.user.name]);
    } else {
      button.textContent = text('textContinue');
    }
    button.hidden = false;
  })();
}
