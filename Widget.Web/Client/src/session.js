// In a third-party iframe this storage is partitioned per embedding site, so a sign-in on one
// site does not follow the visitor to another.
export const SESSION_KEY = 'widget.session';

export function loadSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION_KEY));
    if (session?.expiresAt > Date.now()) return session;
    if (session) localStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (blocked third-party storage, private modes) or corrupt: start signed out.
  }
  return null;
}

// Only ever called once the visitor has signed in: nothing is stored before they act.
export function saveSession(session) {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Without storage the sign-in lasts as long as the page.
  }
}

export function clearSession() {
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing could have been stored either.
  }
}
