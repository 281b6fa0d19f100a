// A picture in a call's grid, keyed by "own", a member's connection id, or that id and "/screen" for
// what they share; the key finds it again when the stream behind it changes.
export const tileOf = (grid, key) => grid.querySelector(`[data-tile="${CSS.escape(key)}"]`);

export function showTile(grid, key, name, stream, own) {
  let figure = tileOf(grid, key);
  if (!figure) {
    figure = document.createElement('figure');
    figure.className = 'call-tile';
    figure.dataset.tile = key;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    // One's own sound played back would echo into the microphone.
    video.muted = own;
    const caption = document.createElement('figcaption');
    caption.textContent = name;
    figure.append(video, caption);
    grid.append(figure);
  }
  figure.querySelector('video').srcObject = stream;
  return figure;
}
