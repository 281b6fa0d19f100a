import { setUpCheck } from './call-check.js';
import { setUpDevices } from './call-devices.js';
import { setUpDoor } from './call-door.js';
import { createHold } from './call-hold.js';
import { closeMedia } from './call-media.js';
import { createPeer } from './call-peer.js';
import { isCrowded } from './call-quality.js';
import { setUpShare } from './call-share.js';
import { setUpSpeaking } from './call-speaking.js';
import { showTile, tileOf as tileIn } from './call-tile.js';

// One call room in a call panel (CallPanel.razor): who is in it, the check before joining, media and one peer
// connection to each other member. The channel's call and a browsing session's call are both this, over the call
// hub's one connection; `room` says how to watch, check and join the one it shows, and for the channel's call
// its tag, whose door (call-door.js) asks a moderator first where calls are by admission.
export function setUpCallRoom(panel, { hub, refusal, signedIn, room }) {
  const words = panel.dataset;
  const [roster, live, liveText, grid, status] = ['.call-roster', '.call-live', '.call-live-text', '.call-grid', '.call-status']
    .map((selector) => panel.querySelector(selector));
  const [joinButton, muteButton, cameraButton, shareButton, leaveButton] = ['.call-join', '.call-mute', '.call-camera', '.call-share', '.call-leave']
    .map((selector) => panel.querySelector(selector));

  // The room's name as the server calls it, once watched: its events are told apart by it.
  let name = null;
  let members = [];
  // Who opened the call, when this widget saw it open; someone else is named once they have left.
  let starter = null;
  // While in the call: our connection id (null while the hub reconnects), the ICE servers, our media, a peer
  // per other member, and whether the call is crowded enough to send less.
  let call = null;
  const hold = createHold();

  const say = (message) => {
    status.textContent = message;
  };
  const send = (method, ...args) => hub.invoke(method, ...args);
  const share = setUpShare(shareButton, words, { peers: () => (call ? [...call.peers.values()] : null) });
  const speaking = setUpSpeaking();
  const devices = setUpDevices(panel, { onSwitched: switched, onFailed: () => say(words.textNoDevices) });
  // Before the check, whose set-up may render: it starts the check once a moderator lets the visitor in.
  const door = setUpDoor(panel, { tag: room.door, hub, refusal, say, onAdmitted: () => check.start(), onChange: render });
  const check = setUpCheck(panel, words, { check: () => room.check(), onJoin: join, onChange: render, onFailed: say });

  function rosterText() {
    if (members.length === 0) return words.textNobody ?? '';
    if (!call && starter && words.textStarted) return words.textStarted.replace('{0}', starter.name);
    return words.textInCall.replace('{0}', members.map((member) => member.name).join(', '));
  }

  function render() {
    roster.textContent = rosterText();
    const inCall = call !== null;
    // Our own camera and microphone: on the check screen, then in the call.
    const own = call?.stream ?? check.stream;
    joinButton.hidden = inCall || check.open || door.waiting || !signedIn() || hub.state !== 'Connected' || name === null;
    joinButton.textContent = members.length === 0 && words.textStart ? words.textStart : words.textJoin;
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

  const tileOf = (key) => tileIn(grid, key);

  function tile(key, caption, stream, own) {
    const figure = showTile(grid, key, caption, stream, own);
    devices.playOn(figure.querySelector('video'));
    speaking.watch(figure, stream);
  }

  // Only to members: a late message of one who left must not open a peer again.
  function peerFor(id) {
    if (!call?.self || id === call.self || !members.some((member) => member.connectionId === id)) return null;
    let peer = call.peers.get(id);
    if (!peer) {
      const who = members.find((member) => member.connectionId === id)?.name ?? '';
      peer = createPeer({
        id,
        polite: call.self < id,
        iceServers: call.iceServers,
        stream: call.stream,
        screen: share.screen,
        crowded: call.crowded,
        send,
        onStream: (stream) => tile(id, who, stream, false),
        onScreen: (screen) => (screen ? tile(`${id}/screen`, words.textScreenOf.replace('{0}', who), screen, false) : tileOf(`${id}/screen`)?.remove()),
        onFailed: () => say(words.textLost.replace('{0}', who)),
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

  function follow(next) {
    if (members.length === 0 && next.length > 0) [starter] = next;
    if (!next.some((member) => member.connectionId === starter?.connectionId)) starter = null;
    members = next;
    followMembers();
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

  hub.on('CallChanged', hold.wrap((changed) => {
    if (changed.tag !== name) return;
    follow(changed.members);
    render();
  }));
  // A ban, a moderator or the end of a session took us out: the server has already dropped us from the call.
  hub.on('Removed', hold.wrap((removed) => {
    if (removed.tag !== name) return;
    hangUp();
    say(removed.message);
  }));
  hub.on('Description', hold.wrap(({ from, description }) => peerFor(from)?.description(description).catch(() => {})));
  hub.on('Candidate', hold.wrap(({ from, candidate }) => peerFor(from)?.candidate(candidate).catch(() => {})));

  async function watch() {
    if (hub.state !== 'Connected') return;
    try {
      // Null: nothing to watch now (no session).
      const watched = await room.watch();
      name = watched?.tag ?? null;
      starter = null;
      members = [];
      follow(watched?.members ?? []);
      await door.follow(signedIn());
    } catch (error) {
      name = null;
      members = [];
      say(refusal(error));
    }
    render();
  }

  // Joins with media already open, and calls everyone in the call.
  async function enter(stream) {
    try {
      await hold.during(async () => {
        const joined = await room.join();
        // Past the call's video cap the server admits us with sound only.
        if (joined.audioOnly && stream.getVideoTracks().length > 0) {
          stream.getVideoTracks().forEach((track) => track.stop());
          stream = new MediaStream(stream.getAudioTracks());
          say(words.textAudioOnly);
        }
        call = { self: joined.self, iceServers: joined.iceServers, stream, peers: new Map(), crowded: false };
        name = joined.roster.tag;
        follow(joined.roster.members);
        const own = members.find((member) => member.connectionId === joined.self);
        tile('own', own?.name ?? '', stream, true);
        members.forEach((member) => peerFor(member.connectionId));
      });
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

  return {
    watch,
    // A reconnected hub is a new connection, so a new member: the old one's peers are of no use, but camera,
    // microphone and a shared screen stay on, and the call is joined again as soon as the hub is back.
    reconnecting() {
      if (!call) return;
      [...call.peers.keys()].forEach(dropPeer);
      call.self = null;
    },
    async reconnected() {
      await watch();
      if (call) await rejoin();
    },
    // Out of the room for good (signed out, the session over): media off, the server told, nothing shown.
    async close() {
      check.cancel();
      const was = call !== null;
      hangUp();
      name = null;
      members = [];
      starter = null;
      door.reset();
      say('');
      render();
      if (was && hub.state === 'Connected') await hub.invoke('Leave').catch(() => {});
    },
    stopLocally() {
      check.cancel();
      door.reset();
      hangUp();
    },
  };
}
