import { signIn, signOut } from './auth.js';
import { offerContinue } from './continue.js';
import { SESSION_KEY, clearSession, loadSession, saveSession } from './session.js';

export function setUpAccount(widget, { status, onChange }) {
  const signin = widget.querySelector('.signin');
  const form = widget.querySelector('.compose');
  let session = loadSession();

  // Focus follows only the visitor's own actions; a revoked session must not steal it.
  function render(focus) {
    form.hidden = !session;
    signin.hidden = Boolean(session);
    form.querySelector('.compose-user').textContent = session ? session.user.name : '';
    if (focus) (session ? form.elements.text : signin.querySelector('button:not([hidden])'))?.focus();
  }

  function accept(signedIn) {
    session = signedIn;
    saveSession(session);
    render(true);
    onChange();
  }

  function forget(focus) {
    session = null;
    clearSession();
    render(focus);
  }

  signin.addEventListener('click', async (event) => {
    const button = event.target.closest('.signin-button');
    if (!button) return;
    try {
      const signedIn = await signIn(button.dataset.provider);
      status.clear('signin');
      if (signedIn) accept(signedIn);
    } catch (error) {
      status.set('signin', error.message);
    }
  });

  form.querySelector('.signout').addEventListener('click', () => {
    const { accessToken } = session;
    forget(true);
    onChange();
    signOut(accessToken);
  });

  // Another widget of ours on the same page shares this storage: signing in or out there counts here.
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_KEY) return;
    const stored = loadSession();
    if (stored?.accessToken === session?.accessToken) return;
    session = stored;
    render(false);
    onChange();
  });

  render(false);
  if (!session) offerContinue(signin, { onSession: accept });

  return {
    token() {
      // A token that ran out while the page was open would fail every reconnect. The connection
      // asking for it is already being made, so only the view changes.
      if (session?.expiresAt <= Date.now()) forget(false);
      return session?.accessToken;
    },
    userId() {
      return session?.user.id;
    },
    revoked() {
      if (!session) return;
      forget(false);
      onChange();
    },
  };
}
