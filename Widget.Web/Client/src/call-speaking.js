import { listen } from './call-level.js';

const INTERVAL_MS = 100;
// Above this a person is speaking; the indicator stays lit for a moment after, so it does not blink between words.
const SPEAKING = 0.05;
const HOLD_MS = 700;

// Lights a tile while its person's microphone carries sound: the class "call-speaking" and data-speaking.
// Tiles are watched until they leave the page, so removing a tile needs no call here.
export function setUpSpeaking() {
  const watched = new Map();
  let timer = null;

  function tick() {
    const now = performance.now();
    watched.forEach((watch, figure) => {
      if (!figure.isConnected) {
        watch.listener.close();
        watched.delete(figure);
        return;
      }
      if (watch.listener.level() > SPEAKING) watch.heard = now;
      const speaking = now - watch.heard < HOLD_MS;
      figure.classList.toggle('call-speaking', speaking);
      figure.dataset.speaking = String(speaking);
    });
    if (watched.size === 0) {
      clearInterval(timer);
      timer = null;
    }
  }

  return {
    // A tile's stream, again whenever its microphone changes; a stream without sound (a screen) is not watched.
    watch(figure, stream) {
      const [track] = stream.getAudioTracks();
      const current = watched.get(figure);
      if (current?.listener.track === track) return;
      current?.listener.close();
      const listener = track ? listen(stream) : null;
      if (!listener) {
        watched.delete(figure);
        return;
      }
      watched.set(figure, { listener, heard: -Infinity });
      timer ??= setInterval(tick, INTERVAL_MS);
    },
  };
}
