// Loads the co-browsing module from the widget's origin only once a session starts, so embed.js stays
// small, and links it to the chat frame by a MessageChannel of its own: the chat holds the connection to
// the server and its token, the module on this page draws the cursors and sends where the mouse is. Pods
// (visitors shown on the page) use the same module over a port of their own.
let loaded = null;

export function startTogether(doc, origin, frameWindow, kind = 'together') {
  const channel = new MessageChannel();
  frameWindow.postMessage({ type: 'widget:together-port', kind }, origin, [channel.port1]);
  const hand = () => doc.dispatchEvent(new CustomEvent(`widget:${kind}`, { detail: channel.port2 }));
  if (!loaded) {
    loaded = new Promise((resolve) => {
      const script = doc.createElement('script');
      script.src = `${origin}/together.js`;
      script.addEventListener('load', resolve, { once: true });
      doc.head.append(script);
    });
  }
  loaded.then(hand);
}
