// The visitor's own camera and microphone for a call. Tiles in the widget are small, and every member
// sends its video to each of the others, so a small picture is asked for.
const VIDEO = { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15 } };

// Constraints for one kind of device: the one chosen on the check screen, or the browser's default.
export const constraintsFor = (kind, deviceId) => {
  const base = kind === 'video' ? VIDEO : {};
  return deviceId ? { ...base, deviceId: { exact: deviceId } } : (kind === 'video' ? VIDEO : true);
};

export async function openMedia({ camera, microphone } = {}) {
  const audio = constraintsFor('audio', microphone);
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video: constraintsFor('video', camera) });
  } catch {
    // No camera (or it was refused): join with the microphone alone.
    return navigator.mediaDevices.getUserMedia({ audio });
  }
}

export function closeMedia(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}
