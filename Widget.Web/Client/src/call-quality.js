// Every member of a mesh encodes and uploads a picture for each of the others, so from three people on the
// camera goes out smaller and slower (near the usual 180p figure of 200 kbit/s), which keeps four people
// within a modest uplink and a small machine's CPU. At two the browser's own limits are fine again.
const CROWDED = 3;
const CAMERA = { maxBitrate: 150_000, scaleResolutionDownBy: 1.5 };
// A shared screen keeps its resolution, or its text would be unreadable; it gives up frame rate instead.
const SCREEN = { maxBitrate: 500_000 };

export const isCrowded = (memberCount) => memberCount >= CROWDED;

export async function tune(sender, { crowded, screen }) {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings ?? [];
  if (!encoding) return;
  if (crowded) {
    Object.assign(encoding, screen ? SCREEN : CAMERA);
  } else {
    delete encoding.maxBitrate;
    encoding.scaleResolutionDownBy = 1;
  }
  await sender.setParameters(parameters);
}
