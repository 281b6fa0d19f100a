import { constraintsFor } from './call-media.js';

const KINDS = [
  { select: '.call-choose-camera', kind: 'videoinput', track: 'video' },
  { select: '.call-choose-microphone', kind: 'audioinput', track: 'audio' },
  { select: '.call-choose-speaker', kind: 'audiooutput', track: null },
];

// The camera, microphone and speaker to use, on the check screen and during the call (see CallDevices.razor).
// Another camera or microphone is opened alone and handed to onSwitched with the stream it now belongs to, so
// the call replaces the track on each peer's sender without renegotiating. The speaker is the output of every
// other member's tile, where the browser can choose one (setSinkId). Device names exist only once the browser
// has given a camera or microphone, so the lists are filled only then.
export function setUpDevices(panel, { onSwitched, onFailed }) {
  const root = panel.querySelector('.call-devices');
  const choices = KINDS.map((choice) => ({ ...choice, element: panel.querySelector(choice.select) }));
  const canChooseSpeaker = 'setSinkId' in HTMLMediaElement.prototype;
  let stream = null;
  let shown = '';
  let speaker = '';

  const trackOf = (kind) => (kind ? stream?.getTracks().find((track) => track.kind === kind) : null);

  async function fill() {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    choices.forEach(({ kind, track, element }) => {
      const found = devices.filter((device) => device.kind === kind && device.deviceId);
      const current = track ? trackOf(track)?.getSettings().deviceId : speaker;
      element.replaceChildren(...found.map((device, index) => {
        const option = new Option(device.label || `${root.dataset.textDevice} ${index + 1}`, device.deviceId);
        option.selected = device.deviceId === current;
        return option;
      }));
      // A kind the visitor does not send (a camera past the call's video cap) cannot be chosen: adding it
      // would be a new track to negotiate, not a replacement.
      element.closest('label').hidden = found.length === 0 || (track ? !trackOf(track) : !canChooseSpeaker);
    });
  }

  async function switchTo(track, deviceId) {
    const old = trackOf(track);
    if (!old || old.getSettings().deviceId === deviceId) return;
    let fresh;
    try {
      [fresh] = (await navigator.mediaDevices.getUserMedia({ [track]: constraintsFor(track, deviceId) })).getTracks();
    } catch {
      onFailed();
      await fill();
      return;
    }
    fresh.enabled = old.enabled;
    const next = new MediaStream(stream.getTracks().map((each) => (each === old ? fresh : each)));
    await onSwitched(next, old, fresh);
    old.stop();
  }

  choices.forEach(({ track, element }) => element.addEventListener('change', () => {
    if (track) {
      switchTo(track, element.value);
      return;
    }
    speaker = element.value;
    panel.querySelectorAll('.call-grid video').forEach(playOn);
  }));

  function playOn(video) {
    if (speaker && canChooseSpeaker && !video.muted) video.setSinkId(speaker).catch(() => {});
  }

  return {
    // Shown while there is a stream of our own (the check screen, the call), listed anew when it changes.
    follow(current) {
      stream = current;
      root.hidden = !current;
      const tracks = current ? current.getTracks().map((track) => track.id).join() : '';
      if (current && tracks !== shown) fill();
      shown = tracks;
    },
    playOn,
  };
}
