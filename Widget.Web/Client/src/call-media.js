// The visitor's own camera and microphone for a call. Tiles in the widget are small, and every member
// sends its video to each of the others, so a small picture is asked for.
const VIDEO = { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 15 } };

export async function openMedia() {
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true, video: VIDEO });
  } catch {
    // No camera (or it was refused): join with the microphone alone.
    return navigator.mediaDevices.getUserMedia({ audio: true });
  }
}

export function closeMedia(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}
