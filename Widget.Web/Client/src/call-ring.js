import { button } from './button.js';
import { createHold } from './call-hold.js';
import { closeMedia, openMedia } from './call-media.js';
import { createPeer } from './call-peer.js';
import { showTile } from './call-tile.js';

const say = (template, name) => template.replace('{0}', name);

// Direct calls (DirectCallPanel.razor) over the call hub's connection: "Call NAME" for each signed-in person
// present, the ring going out (cancel) or coming in (accept, decline), and the call of two in a room of its own.
// The server decides everything; this only shows it. Absent when the site has calls off.
export function setUpRing(widget, { tag, account, hub, refusal }) {
  const panel = widget.querySelector('.ring');
  if (!panel || !hub) return { present() {}, changed() {}, hangUp() {} };
  const words = panel.dataset;
  const [people, incomingBox, incomingText, outgoingBox, outgoingText, callBox, withText, live, liveText, grid, status] = [
    '.ring-people', '.ring-incoming', '.ring-incoming-text', '.ring-outgoing', '.ring-outgoing-text', '.ring-call', '.ring-with',
    '.call-live', '.ring-live-text', '.call-grid', '.ring-status',
  ].map((selector) => panel.querySelector(selector));

  const here = new Map();
  let outgoing = null;
  let incoming = null;
  // While in a direct call: its room, our connection id, ICE servers, media, the peer, who it is with and whether
  // we offer (the caller, who enters second) or answer.
  let call = null;
  const hold = createHold();

  const tell = (message) => {
    status.textContent = message;
  };

  function render() {
    const me = account.userId();
    const free = Boolean(me) && !outgoing && !call;
    people.replaceChildren(...[...here].filter(([id]) => free && id !== me).map(([id, name]) => {
      const item = document.createElement('li');
      item.append(button(say(words.textCall, name), 'ring-call-button', () => ring(id, name)));
      return item;
    }));
    incomingBox.hidden = !incoming;
    incomingText.textContent = incoming ? say(words.textIncoming, incoming.name) : '';
    outgoingBox.hidden = !outgoing;
    outgoingText.textContent = outgoing ? say(words.textCalling, outgoing.name) : '';
    callBox.hidden = !call;
    withText.textContent = call ? say(words.textWith, call.name) : '';
    const tracks = call?.stream.getTracks().filter((track) => track.readyState === 'live') ?? [];
    live.hidden = tracks.length === 0;
    liveText.textContent = tracks.some((track) => track.kind === 'video') ? words.textLive : words.textMicLive;
  }

  const tile = (key, name, stream, own) => showTile(grid, key, name, stream, own);

  function peerFor(id) {
    if (!call || id === call.self || !call.members.some((member) => member.connectionId === id)) return null;
    if (!call.peer) {
      call.peer = createPeer({
        id,
        polite: call.self < id,
        iceServers: call.iceServers,
        stream: call.stream,
        screen: null,
        crowded: false,
        send: (method, ...args) => hub.invoke(method, ...args),
        onStream: (stream) => tile(id, call.name, stream, false),
        onScreen: () => {},
        onFailed: () => tell(say(words.textLost, call.name)),
      });
    }
    return call.peer;
  }

  function hangUp(message = '') {
    if (call) {
      call.peer?.close();
      closeMedia(call.stream);
      call = null;
      grid.replaceChildren();
    }
    tell(message);
    render();
  }

  // Media is opened before the room is entered, so a visitor without camera or microphone never half-joins.
  async function enter(name, join, offers) {
    const stream = await openMedia().catch(() => null);
    if (!stream) {
      tell(words.textNoDevices);
      return;
    }
    try {
      await hold.during(async () => {
        const joined = await join();
        if (!joined) {
          closeMedia(stream);
          return;
        }
        call = { room: joined.roster.tag, self: joined.self, iceServers: joined.iceServers, stream, name, members: joined.roster.members, offers, met: false, peer: null };
        tile('own', '', stream, true);
        follow(joined.roster.members);
      });
    } catch (error) {
      closeMedia(stream);
      tell(refusal(error));
    } finally {
      render();
    }
  }

  // The other one left (or was taken out): a call of one is over.
  function follow(members) {
    call.members = members;
    const other = members.find((member) => member.connectionId !== call.self);
    if (other) {
      call.met = true;
      // Only the caller offers; the callee's peer opens with that offer, so the two never collide.
      if (call.offers) peerFor(other.connectionId);
    } else if (call.met) {
      hangUp(say(words.textEnded, call.name));
    }
  }

  async function ring(userId, name) {
    tell('');
    try {
      const started = await hub.invoke('Ring', tag, userId);
      outgoing = { ringId: started.ringId, name: started.name };
    } catch (error) {
      tell(refusal(error));
    }
    render();
  }

  hub.on('Ringing', (ringing) => {
    if (ringing.tag !== tag || call || incoming) return;
    incoming = { ringId: ringing.ringId, name: ringing.name };
    tell('');
    render();
  });
  hub.on('RingAnswered', ({ ringId, accepted }) => {
    if (outgoing?.ringId !== ringId) return;
    const { name } = outgoing;
    outgoing = null;
    if (accepted) enter(name, () => hub.invoke('JoinDirect', ringId), true);
    else tell(say(words.textDeclined, name));
    render();
  });
  hub.on('RingEnded', ({ ringId }) => {
    if (outgoing?.ringId === ringId) {
      tell(say(words.textNoAnswer, outgoing.name));
      outgoing = null;
    }
    if (incoming?.ringId === ringId) incoming = null;
    render();
  });
  hub.on('CallChanged', hold.wrap((roster) => {
    if (call && roster.tag === call.room) follow(roster.members);
  }));
  hub.on('Removed', hold.wrap((removed) => {
    if (call && removed.tag === call.room) hangUp(removed.message);
  }));
  hub.on('Description', hold.wrap(({ from, description }) => peerFor(from)?.description(description).catch(() => {})));
  hub.on('Candidate', hold.wrap(({ from, candidate }) => peerFor(from)?.candidate(candidate).catch(() => {})));
  // A new connection is a stranger to the room and to the rings: the call, and any ring, are over.
  hub.onreconnecting(() => {
    outgoing = null;
    incoming = null;
    if (call) hangUp(say(words.textLost, call.name));
  });
  hub.onreconnected(render);

  panel.querySelector('.ring-accept').addEventListener('click', () => {
    if (!incoming) return;
    const { ringId, name } = incoming;
    incoming = null;
    render();
    enter(name, () => hub.invoke('AnswerRing', ringId, true), false);
  });
  panel.querySelector('.ring-decline').addEventListener('click', () => {
    if (!incoming) return;
    hub.invoke('AnswerRing', incoming.ringId, false).catch(() => {});
    incoming = null;
    render();
  });
  panel.querySelector('.ring-cancel').addEventListener('click', () => {
    if (!outgoing) return;
    hub.invoke('CancelRing', outgoing.ringId).catch(() => {});
    outgoing = null;
    render();
  });
  panel.querySelector('.ring-hang-up').addEventListener('click', () => {
    hangUp();
    hub.invoke('Leave').catch(() => {});
  });

  return {
    // Who is here, from the live hub's join and its diffs: signed-in people only, by user id.
    present(snapshot) {
      if (!snapshot) return;
      here.clear();
      snapshot.users.forEach((user) => here.set(user.id, user.name));
      render();
    },
    changed(diff) {
      diff.joined.forEach((user) => here.set(user.id, user.name));
      diff.left.forEach((id) => here.delete(id));
      render();
    },
    hangUp() {
      outgoing = null;
      incoming = null;
      hangUp();
    },
  };
}
