import { tune } from './call-quality.js';

// One RTCPeerConnection to one other member, with the W3C "perfect negotiation" pattern: both sides
// may offer whenever their tracks change; on a collision the polite peer (the smaller connection id)
// rolls back and takes the other's offer, the impolite one ignores the other's. A shared screen is one
// more video track, so starting and stopping it is such a change too.
export function createPeer({ id, polite, iceServers, stream, screen, crowded, send, onStream, onScreen, onFailed }) {
  const pc = new RTCPeerConnection({ iceServers });
  let makingOffer = false;
  let ignoreOffer = false;

  const sendDescription = () =>
    send('SendDescription', id, { type: pc.localDescription.type, sdp: pc.localDescription.sdp });

  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true;
      await pc.setLocalDescription();
      await sendDescription();
    } catch {
      // A failed offer is retried by the next negotiationneeded; the connection state tells the visitor.
    } finally {
      makingOffer = false;
    }
  };
  pc.onicecandidate = ({ candidate }) => {
    // null marks the end of gathering, which the other side does not need told.
    if (candidate) {
      send('SendCandidate', id, { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex }).catch(() => {});
    }
  };
  // The member's own stream always carries their microphone; a stream of video alone is a screen.
  pc.ontrack = ({ track, streams }) => {
    const [remote = new MediaStream([track])] = streams;
    if (remote.getAudioTracks().length > 0) {
      onStream(remote);
      return;
    }
    remote.onremovetrack = () => onScreen(null);
    onScreen(remote);
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') {
      pc.restartIce();
      onFailed();
    }
  };
  const cameras = stream.getTracks().map((track) => pc.addTrack(track, stream)).filter(({ track }) => track.kind === 'video');
  // Without a camera of our own (sound only past the video cap, or none at all) the offer still asks for the
  // other's video, or it would arrive only after a second negotiation from the other side.
  if (cameras.length === 0) pc.addTransceiver('video', { direction: 'recvonly' });
  // Kept after a share stops, so the next share reuses its transceiver instead of adding an m-line.
  let screenSender = null;
  let isCrowded = crowded;

  const retune = () => {
    const tunings = cameras.map((sender) => tune(sender, { crowded: isCrowded, screen: false }));
    if (screenSender?.track) tunings.push(tune(screenSender, { crowded: isCrowded, screen: true }));
    return Promise.all(tunings);
  };

  const peer = {
    async description(description) {
      const collision = description.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
      ignoreOffer = !polite && collision;
      if (ignoreOffer) return;
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        await sendDescription();
      }
    },
    async candidate(candidate) {
      try {
        await pc.addIceCandidate(candidate);
      } catch (error) {
        // Candidates of an offer this side ignored fail to apply, harmlessly.
        if (!ignoreOffer) throw error;
      }
    },
    // Shows the screen (a stream of one video track) to this member, or stops showing it with null.
    async share(shared) {
      if (!shared) {
        if (screenSender?.track) pc.removeTrack(screenSender);
        return;
      }
      const [track] = shared.getVideoTracks();
      if (screenSender) {
        await screenSender.replaceTrack(track);
        screenSender.setStreams(shared);
        pc.getTransceivers().find((transceiver) => transceiver.sender === screenSender).direction = 'sendrecv';
      } else {
        screenSender = pc.addTrack(track, shared);
      }
      await retune();
    },
    // Another camera or microphone in place of `old`: the same sender carries it, so nothing is renegotiated.
    async replace(old, track) {
      await pc.getSenders().find((sender) => sender.track === old)?.replaceTrack(track);
    },
    setCrowded(crowdedNow) {
      isCrowded = crowdedNow;
      return retune();
    },
    close() {
      pc.close();
    },
  };
  retune().catch(() => {});
  if (screen) peer.share(screen).catch(() => {});
  return peer;
}
