import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { backoff } from './backoff.js';
import { closeMedia, openMedia } from './call-media.js';
import { createPeer } from './call-peer.js';
import { lang } from './text.js';

const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// The channel's call (see CallPanel.razor): who is in it for everyone, and for a signed-in visitor
// joining, media and one peer connection to each other member. Absent when the site has calls off.
export function setUpCall(widget, { tag, account }) {
  const panel = widget.querySelector('.call');
  if (!panel) return { accountChanged() {} };
  const words = panel.dataset;
  const [roster, live, liveText, grid, status] = ['.call-roster', '.call-live', '.call-live-text', '.call-grid', '.call-status']
    .map((selector) => panel.querySelector(selector));
  const [joinButton, muteButton, cameraButton, leaveButton] = ['.call-join', '.call-mute', '.call-camera', '.call-leave']
    .map((selector) => panel.querySelector(selector));

  const hub = new HubConnectionBuilder()
    .withUrl(`/hubs/calls?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: account.token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backoff(previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();

  let members = [];
  // While in the call: our connection id, the ICE servers, our media and a peer per other member.
  let call = null;
  // Offers and candidates that arrive while our Join is answered: the others learn of us first.
  let early = null;

  const say = (message) => {
    status.textContent = message;
  };
  const refusal = (error) => String(error?.message ?? '').replace(SERVER_ERROR, '');
  const send = (method, ...args) => hub.invoke(method, ...args);

  function render() {
    roster.textContent = members.length > 0
      ? words.textInCall.replace('{0}', members.map((member) => member.name).join(', '))
      : words.textNobody;
    const inCall = call !== null;
    joinButton.hidden = inCall || !account.userId() || hub.state !== 'Connected';
    [muteButton, cameraButton, leaveButton].forEach((button) => { button.hidden = !inCall; });
    grid.hidden = !inCall;
    const tracks = call?.stream.getTracks().filter((track) => track.readyState === 'live' && track.enabled) ?? [];
    live.hidden = tracks.length === 0;
    liveText.textContent = tracks.some((track) => track.kind === 'video') ? words.textLive : words.textMicLive;
    cameraButton.hidden ||= call.stream.getVideoTracks().length === 0;
  }

  function tile(id, name, stream, own) {
    let figure = grid.querySelector(`[data-connection="${CSS.escape(id)}"]`);
    if (!figure) {
      figure = document.createElement('figure');
      figure.className = 'call-tile';
      figure.dataset.connection = id;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = own;
      const caption = document.createElement('figcaption');
      caption.textContent = name;
      figure.append(video, caption);
      grid.append(figure);
    }
    figure.querySelector('video').srcObject = stream;
  }

  function peerFor(id) {
    if (!call || id === call.self) return null;
    let peer = call.peers.get(id);
    if (!peer) {
      const name = members.find((member) => member.connectionId === id)?.name ?? '';
      peer = createPeer({
        id,
        polite: call.self < id,
        iceServers: call.iceServers,
        stream: call.stream,
        send,
        onStream: (stream) => tile(id, name, stream, false),
        onFailed: () => say(words.textLost.replace('{0}', name)),
      });
      call.peers.set(id, peer);
    }
    return peer;
  }

  // Peers follow the roster: one for each other member, closed as members leave.
  function followMembers() {
    if (!call) return;
    const present = new Set(members.map((member) => member.connectionId));
    for (const [id, peer] of call.peers) {
      if (!present.has(id)) {
        peer.close();
        call.peers.delete(id);
        grid.querySelector(`[data-connection="${CSS.escape(id)}"]`)?.remove();
      }
    }
    members.forEach((member) => peerFor(member.connectionId));
  }

  function hangUp() {
    if (!call) return;
    call.peers.forEach((peer) => peer.close());
    closeMedia(call.stream);
    call = null;
    grid.replaceChildren();
    render();
  }

  hub.on('CallChanged', (changed) => {
    if (changed.tag !== tag) return;
    members = changed.members;
    followMembers();
    render();
  });
  // A ban or a moderator took us out: the server has already dropped us from the call.
  hub.on('Removed', (removed) => {
    if (removed.tag !== tag) return;
    hangUp();
    say(removed.message);
  });
  const signal = (apply) => (early ? early.push(apply) : apply());
  hub.on('Description', ({ from, description }) => signal(() => peerFor(from)?.description(description).catch(() => {})));
  hub.on('Candidate', ({ from, candidate }) => signal(() => peerFor(from)?.candidate(candidate).catch(() => {})));
  // A new connection is a new member id: the call it was in is gone (rejoining is the visitor's click).
  hub.onreconnecting(hangUp);
  hub.onreconnected(watch);

  async function watch() {
    try {
      members = (await hub.invoke('Watch', tag)).members;
    } catch (error) {
      say(refusal(error));
    }
    render();
  }

  async function start() {
    try {
      await hub.start();
      await watch();
    } catch {
      setTimeout(start, backoff(1));
    }
  }

  joinButton.addEventListener('click', async () => {
    joinButton.disabled = true;
    say('');
    let stream;
    try {
      stream = await openMedia();
    } catch {
      joinButton.disabled = false;
      say(words.textNoDevices);
      return;
    }
    early = [];
    try {
      const joined = await hub.invoke('Join', tag);
      call = { self: joined.self, iceServers: joined.iceServers, stream, peers: new Map() };
      members = joined.roster.members;
      const own = members.find((member) => member.connectionId === joined.self);
      tile(joined.self, own?.name ?? '', stream, true);
      followMembers();
    } catch (error) {
      closeMedia(stream);
      say(refusal(error));
    } finally {
      const waiting = early;
      early = null;
      waiting.forEach((apply) => apply());
      joinButton.disabled = false;
      render();
    }
  });

  leaveButton.addEventListener('click', async () => {
    hangUp();
    await hub.invoke('Leave').catch(() => {});
  });

  muteButton.addEventListener('click', () => {
    const [track] = call?.stream.getAudioTracks() ?? [];
    if (!track) return;
    track.enabled = !track.enabled;
    muteButton.setAttribute('aria-pressed', String(!track.enabled));
    muteButton.textContent = track.enabled ? words.textMute : words.textUnmute;
    render();
  });

  cameraButton.addEventListener('click', () => {
    const [track] = call?.stream.getVideoTracks() ?? [];
    if (!track) return;
    track.enabled = !track.enabled;
    cameraButton.setAttribute('aria-pressed', String(!track.enabled));
    cameraButton.textContent = track.enabled ? words.textCameraOff : words.textCameraOn;
    render();
  });

  start();

  return {
    // Signing in or out changes who the connection is: a new one, carrying the new token.
    async accountChanged() {
      hangUp();
      await hub.stop();
      start();
    },
  };
}
