// One RTCPeerConnection to one other member, with the W3C "perfect negotiation" pattern: both sides
// may offer whenever their tracks change; on a collision the polite peer (the smaller connection id)
// rolls back and takes the other's offer, the impolite one ignores the other's.
export function createPeer({ id, polite, iceServers, stream, send, onStream, onFailed }) {
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
  pc.ontrack = ({ track, streams }) => onStream(streams[0] ?? new MediaStream([track]));
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === 'failed') {
      pc.restartIce();
      onFailed();
    }
  };
  stream.getTracks().forEach((track) => pc.addTrack(track, stream));

  return {
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
    close() {
      pc.close();
    },
  };
}
