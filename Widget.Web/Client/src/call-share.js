import { closeMedia } from './call-media.js';

// A screen rarely moves much, and the others' tiles are small: a few frames a second of up to 720p keep the
// text legible without costing every member another camera's worth of encoding.
const SCREEN = { width: { max: 1280 }, height: { max: 720 }, frameRate: { max: 5 } };

// "Share screen" in a call: one more video track to every peer, beside the camera, so the others still
// see the person who shares. The browser's own "Stop sharing" ends the track, which stops it here as if
// the button was pressed. peers() is null when the visitor is not in a call.
export function setUpShare(button, words, { peers }) {
  let screen = null;

  function render() {
    button.setAttribute('aria-pressed', String(screen !== null));
    button.textContent = screen ? words.textStopShare : words.textShare;
  }

  const showAll = (shared) => peers()?.forEach((peer) => peer.share(shared).catch(() => {}));

  function stop() {
    if (!screen) return;
    closeMedia(screen);
    screen = null;
    showAll(null);
    render();
  }

  async function start() {
    let shared;
    try {
      shared = await navigator.mediaDevices.getDisplayMedia({ video: SCREEN, audio: false });
    } catch {
      // The visitor closed the browser's picker, or the page may not capture: nothing to share.
      return;
    }
    if (!peers()) {
      // The call was left while the browser asked which screen.
      closeMedia(shared);
      return;
    }
    const [track] = shared.getVideoTracks();
    // Chromium then keeps the resolution and drops frames when the bitrate is short, as text needs.
    track.contentHint = 'detail';
    track.addEventListener('ended', stop);
    screen = shared;
    showAll(screen);
    render();
  }

  button.addEventListener('click', () => (screen ? stop() : start()));

  return {
    get screen() {
      return screen;
    },
    stop,
  };
}
