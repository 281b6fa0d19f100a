import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import { backoff } from './backoff.js';
import { setUpCheck } from './call-check.js';
import { setUpDevices } from './call-devices.js';
import { setUpDoor } from './call-door.js';
import { closeMedia } from './call-media.js';
import { createPeer } from './call-peer.js';
import { isCrowded } from './call-quality.js';
import { setUpShare } from './call-share.js';
import { setUpSpeaking } from './call-speaking.js';
import { lang } from './text.js';

// The server pings every Realtime:KeepAliveInterval (4 s): a call whose connection is silent this long has
// dropped, and the sooner the widget knows, the sooner it rejoins.
const SERVER_TIMEOUT_MS = 10_000;
const SERVER_ERROR = /^An unexpected error occurred invoking '\w+' on the server\.(?: HubException: )?/;

// The channel's call (see CallPanel.razor): who is in it for everyone, and for a signed-in visitor
// joining, media and one peer connection to each other member. Absent when the site has calls off.
export function setUpCall(widget, { tag, account }) {
  const panel = widget.querySelector('.call');
  if (!panel) return { accountChanged() {} };
  const words = panel.dataset;
  const [roster, live, liveText, grid, status] = ['.call-roster', '.call-live', '.call-live-text', '.call-grid', '.call-status']
    .map((selector) => panel.querySelector(selector));
  const [joinButton, muteButton, cameraButton, shareButton, leaveButton] = ['.call-join', '.call-mute', '.call-camera', '.call-share', '.call-leave']
    .map((selector) => panel.querySelector(selector));

  const hub = new HubConnectionBuilder()
    .withUrl(`/hubs/calls?lang=${encodeURIComponent(lang)}`, { accessTokenFactory: account.token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => backoff(previousRetryCount) })
    .withServerTimeout(SERVER_TIMEOUT_MS)
    .configureLogging(LogLevel.Warning)
    .build();

  let members = [];
  // While in the call: our connection id (null while the hub reconnects), the ICE servers, our media, a peer
  // per other member, and whether the call is crowded enough to send less.
  let call = null;

  const say = (message) => {
    status.textContent = message;
  };
  const refusal = (error) => String(error?.message ?? '').replace(SERVER_ERROR, '');
  const send = (method, ...args) => hub.invoke(method, ...args);
  const share = setUpShare(shareButton, words, { peers: () => (call ? [...call.peers.values()] : null) });
  const speaking = setUpSpeaking();
  const devices = setUpDevices(panel, { onSwitched: switched, onFailed: () => say(words.textNoDevices) });
  const check = setUpCheck(panel, words, { check: () => hub.invoke('Check', tag), onJoin: join, onChange: render, onFailed: say });
  const door = setUpDoor(panel, { tag, hub, refusal, say, onAdmitted: () => check.start(), onChange: render });

  function render() {
    roster.textContent = members.length > 0
      ? words.textInCall.replace('{0}', members.map((member) => member.name).join(', '))
      : words.textNobody;
    const inCall = call !== null;
    // Our own camera and microphone: on the check screen, then in the call.
    const own = call?.stream ?? check.stream;
    joinButton.hidden = inCall || check.open || door.waiting || !account.userId() || hub.state !== 'Connected';
    [muteButton, cameraButton, leaveButton].forEach((button) => { button.hidden = !inCall; });
    // Phones' browsers have no screen capture.
    shareButton.hidden = !inCall || !navigator.mediaDevices?.getDisplayMedia;
    grid.hidden = !inCall;
    const tracks = own?.getTracks().filter((track) => track.readyState === 'live' && track.enabled) ?? [];
    live.hidden = tracks.length === 0;
    liveText.textContent = tracks.some((track) => track.kind === 'video') ? words.textLive : words.textMicLive;
    cameraButton.hidden ||= call.stream.getVideoTracks().length === 0;
    devices.follow(own ?? null);
  }

  // A tile per picture: "own", a member's connection id, or that id and "/screen" for what they share.
  const tileOf = (key) => grid.querySelector(`[data-tile="${CSS.escape(key)}"]`);

  function tile(key, name, stream, own) {
    let figure = tileOf(key);
    if (!figure) {
      figure = document.createElement('figure');
      figure.className = 'call-tile';
      figure.dataset.tile = key;
      const video = document.createElement('video');
      video.autoplay = true;
      video.playsInline = true;
      video.muted = own;
      const caption = document.createElement('figcaption');
      caption.textContent = name;
      figure.append(video, caption);
      grid.append(figure);
    }
    const video = figure.querySelector('video');
    video.srcObject = stream;
    devices.playOn(video);
    speaking.watch(figure, stream);
  }

  // Only to members: a late message of one who left must not open a peer again.
  function peerFor(id) {
    if (!call?.self || id === call.self || !members.some((member) => member.connectionId === id)) return null;
    let peer = call.peers.get(id);
    if (!peer) {
      const name = members.find((member) => member.connectionId === id)?.name ?? '';
      peer = createPeer({
        id,
        polite: call.self < id,
        iceServers: call.iceServers,
        stream: call.stream,
        screen: share.screen,
        crowded: call.crowded,
        send,
        onStream: (stream) => tile(id, name, stream, false),
        onScreen: (screen) => (screen ? tile(`${id}/screen`, words.textScreenOf.replace('{0}', name), screen, false) : tileOf(`${id}/screen`)?.remove()),
        onFailed: () => say(words.textLost.replace('{0}', name)),
      });
      call.peers.set(id, peer);
    }
    return peer;
  }

  function dropPeer(id) {
    call.peers.get(id).close();
    call.peers.delete(id);
    tileOf(id)?.remove();
    tileOf(`${id}/screen`)?.remove();
  }

  // Peers follow the roster: closed as members leave, and what they send follows its size. A newcomer opens a
  // peer to each member (enter); the members open theirs when its offer arrives, so joining never collides.
  function followMembers() {
    if (!call) return;
    const present = new Set(members.map((member) => member.connectionId));
    [...call.peers.keys()].filter((id) => !present.has(id)).forEach(dropPeer);
    const crowded = isCrowded(members.length);
    if (crowded !== call.crowded) {
      call.crowded = crowded;
      call.peers.forEach((peer) => peer.setCrowded(crowded).catch(() => {}));
    }
  }

  function hangUp() {
    if (!call) return;
    share.stop();
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
  hub.on('Description', ({ from, description }) => peerFor(from)?.description(description).catch(() => {}));
  hub.on('Candidate', ({ from, candidate }) => peerFor(from)?.candidate(candidate).catch(() => {}));
  // A reconnected hub is a new connection, so a new member: the old one's peers are of no use, but camera,
  // microphone and a shared screen stay on, and the call is joined again as soon as the hub is back.
  hub.onreconnecting(() => {
    if (!call) return;
    [...call.peers.keys()].forEach(dropPeer);
    call.self = null;
  });
  hub.onreconnected(async () => {
    await watch();
    if (call) await rejoin();
  });

  async function watch() {
    try {
      members = (await hub.invoke('Watch', tag)).members;
      await door.follow(Boolean(account.userId()));
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

  // Joins with media already open, and calls everyone in the call.
  async function enter(stream) {
    try {
      const joined = await hub.invoke('Join', tag);
      // Past the call's video cap the server admits us with sound only.
      if (joined.audioOnly && stream.getVideoTracks().length > 0) {
        stream.getVideoTracks().forEach((track) => track.stop());
        stream = new MediaStream(stream.getAudioTracks());
        say(words.textAudioOnly);
      }
      call = { self: joined.self, iceServers: joined.iceServers, stream, peers: new Map(), crowded: false };
      members = joined.roster.members;
      const own = members.find((member) => member.connectionId === joined.self);
      tile('own', own?.name ?? '', stream, true);
      followMembers();
      members.forEach((member) => peerFor(member.connectionId));
    } finally {
      render();
    }
  }

  async function rejoin() {
    try {
      await enter(call.stream);
    } catch (error) {
      // Dropped again while joining: the next reconnect tries again.
      if (hub.state !== 'Connected') return;
      hangUp();
      say(words.textRejoinRefused.replace('{0}', refusal(error)));
    }
  }

  // "Join" on the check screen, with the devices chosen there.
  async function join(stream) {
    await enter(stream).catch((error) => {
      closeMedia(stream);
      say(refusal(error));
    });
  }

  // Another camera or microphone: the same senders carry it, so no peer renegotiates.
  async function switched(stream, old, fresh) {
    if (!call) {
      check.use(stream);
      return;
    }
    call.stream = stream;
    tile('own', '', stream, true);
    await Promise.all([...call.peers.values()].map((peer) => peer.replace(old, fresh).catch(() => {})));
    render();
  }

  // Where calls are by admission the check opens once a moderator lets the visitor in.
  joinButton.addEventListener('click', async () => {
    say('');
    try {
      if (!(await door.ask())) return;
    } catch (error) {
      say(refusal(error));
      return;
    }
    check.start();
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
    // Direct calls (call-ring.js) share the connection.
    hub,
    refusal,
    // Signing in or out changes who the connection is: a new one, carrying the new token.
    async accountChanged() {
      check.cancel();
      door.reset();
      hangUp();
      await hub.stop();
      start();
    },
  };
}
