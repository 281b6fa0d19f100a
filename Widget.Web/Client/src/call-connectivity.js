// The check screen's network test: gathers this browser's ICE candidates against the site's STUN and TURN
// servers, as a call would, and says what that means. Only addresses of its own ("host") and no relay: between
// real networks about one call in five then fails. A relay candidate proves the site's TURN server answers.
const GATHER_MS = 6000;

export async function testConnectivity({ iceServers, relay }) {
  const pc = new RTCPeerConnection({ iceServers });
  const types = new Set();
  try {
    pc.createDataChannel('check');
    const gathered = new Promise((resolve) => {
      pc.onicecandidate = ({ candidate }) => {
        if (!candidate) resolve();
        else if (candidate.type) types.add(candidate.type);
      };
      setTimeout(resolve, GATHER_MS);
    });
    await pc.setLocalDescription();
    await gathered;
  } finally {
    pc.close();
  }
  if (types.has('relay')) return 'ok';
  if (relay) return 'relay-down';
  return types.has('srflx') ? 'ok' : 'no-relay';
}
