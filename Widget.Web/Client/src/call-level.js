// How loud a stream's microphone is, from a WebAudio AnalyserNode, for the check screen's meter and the
// speaking indicator. One AudioContext serves them all; it is made on first use, which comes after the click on
// "Join the call", so the browser lets it run.
let context = null;

// A loud moment (a word, a beep) shows at once and fades over a few hundred milliseconds, so a meter polled
// a few times a second neither misses it nor flickers.
const FADE = 0.8;

export function listen(stream) {
  const [track] = stream.getAudioTracks();
  if (!track || !window.AudioContext) return null;
  context ??= new AudioContext();
  context.resume().catch(() => {});
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  // About 170 ms of sound at 48 kHz: longer than the pause between two readings, so no short sound falls between.
  analyser.fftSize = 8192;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let level = 0;
  return {
    track,
    // 0 (silence) to 1: the peak of the last few milliseconds, or the fading earlier one.
    level() {
      if (!track.enabled || track.readyState !== 'live') return (level = 0);
      analyser.getFloatTimeDomainData(samples);
      const peak = samples.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
      level = Math.min(1, Math.max(peak, level * FADE));
      return level;
    },
    close() {
      source.disconnect();
    },
  };
}
