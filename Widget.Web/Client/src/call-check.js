import { testConnectivity } from './call-connectivity.js';
import { listen } from './call-level.js';
import { closeMedia, openMedia } from './call-media.js';

const METER_MS = 100;

// The check before joining (see CallCheck.razor): "Join the call" opens it, and only then are the camera and
// microphone asked for. It shows the camera, the microphone's level, and what a test of the network says, while
// the devices can be chosen; "Join" hands the stream to the call, "Cancel" stops it.
export function setUpCheck(panel, words, { check, onJoin, onChange, onFailed }) {
  const root = panel.querySelector('.call-check');
  const [preview, meter, network, joinButton, cancelButton] =
    ['.call-check-preview', '.call-check-meter', '.call-check-network', '.call-check-join', '.call-check-cancel']
      .map((selector) => root.querySelector(selector));
  const texts = root.dataset;
  let stream = null;
  let listener = null;
  let timer = null;
  // Each opening gets its own number, so a test still running from an earlier one writes nothing.
  let opening = 0;

  function use(next) {
    stream = next;
    preview.srcObject = next;
    listener?.close();
    listener = listen(next);
    onChange();
  }

  function hide() {
    opening += 1;
    clearInterval(timer);
    listener?.close();
    listener = null;
    stream = null;
    preview.srcObject = null;
    meter.value = 0;
    root.hidden = true;
    onChange();
  }

  async function testNetwork(current) {
    network.textContent = texts.textTesting;
    try {
      const result = await testConnectivity(await check());
      if (current === opening) network.textContent = { ok: texts.textOk, 'no-relay': texts.textNoRelay, 'relay-down': texts.textRelayDown }[result];
    } catch {
      if (current === opening) network.textContent = texts.textFailed;
    }
  }

  async function open() {
    const current = ++opening;
    root.hidden = false;
    joinButton.disabled = true;
    testNetwork(current);
    const opened = await openMedia().catch(() => null);
    if (current !== opening) {
      closeMedia(opened);
      return;
    }
    if (!opened) {
      hide();
      onFailed(words.textNoDevices);
      return;
    }
    use(opened);
    timer = setInterval(() => {
      meter.value = listener?.level() ?? 0;
    }, METER_MS);
    joinButton.disabled = false;
    joinButton.focus();
  }

  // The check stays up until the call has the stream, so the live indicator never blinks off between them.
  joinButton.addEventListener('click', async () => {
    if (!stream) return;
    joinButton.disabled = true;
    await onJoin(stream);
    hide();
  });

  cancelButton.addEventListener('click', () => {
    closeMedia(stream);
    hide();
  });

  return {
    get open() {
      return !root.hidden;
    },
    get stream() {
      return stream;
    },
    start: open,
    use,
    cancel() {
      closeMedia(stream);
      hide();
    },
  };
}
