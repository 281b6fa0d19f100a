import { clampHeight, firstHeight, frameUrl } from './config.js';
import { acceptMessage } from './messages.js';
import { currentPage, invitation } from './page.js';
import { startTogether } from './together-loader.js';

// Through CSSOM, which a host's Content-Security-Policy allows where a style attribute is not.
export const css = (element, styles) => Object.assign(element.style, styles);

// One chat in `parent`: a placeholder at once, the iframe when load() is called. The placeholder
// takes the frame's first height so that the host page does not jump when the chat comes in.
// `size` adds to the styles of both; onPost is called when someone else posts, onReady when a
// widget page has started, onTogether when a browsing session is on in it.
export function createFrame(parent, origin, config, { size = {}, onPost = () => {}, onReady = () => {}, onTogether = () => {} } = {}) {
  const doc = parent.ownerDocument;
  const win = doc.defaultView;
  let height = firstHeight(config);
  let iframe = null;
  let shown = false;
  let ready = false;

  const placeholder = doc.createElement('div');
  placeholder.textContent = `${config.title} — loading…`;
  css(placeholder, {
    boxSizing: 'border-box',
    height: `${height}px`,
    padding: '1em',
    border: '1px solid #ddd',
    color: '#666',
    font: '14px system-ui, sans-serif',
    ...size,
  });
  parent.replaceChildren(placeholder);

  // Until its page has loaded the iframe takes no room, and the placeholder says what is coming.
  const fit = () => {
    iframe.style.height = shown ? `${height}px` : '0';
  };

  const send = (message) => {
    if (ready) iframe.contentWindow.postMessage(message, origin);
  };

  function onMessage(event) {
    const message = acceptMessage(event, origin, iframe.contentWindow);
    if (!message) return;
    if (message.type === 'widget:resize') {
      height = clampHeight(message.height, config);
      fit();
    } else if (message.type === 'widget:ready') {
      ready = true;
      send(currentPage(win));
      const invite = invitation(win);
      if (invite) send(invite);
      onReady(message);
    } else if (message.type === 'widget:together') {
      if (!message.active) return;
      startTogether(doc, origin, iframe.contentWindow);
      onTogether();
    } else if (message.type === 'widget:pods') {
      startTogether(doc, origin, iframe.contentWindow, 'pods');
    } else {
      onPost();
    }
  }

  function load() {
    if (iframe) return;
    iframe = doc.createElement('iframe');
    iframe.src = frameUrl(origin, config.tag);
    iframe.title = config.title;
    iframe.setAttribute('loading', 'lazy');
    // storage-access lets a browser that partitions third-party storage ask the visitor for the widget's
    // own. The rest are for calls: a frame may ask for camera and microphone only where its parent granted
    // them, and the widget asks only when a visitor presses "Join the call", on sites that turned calls on.
    iframe.setAttribute('allow', 'storage-access; camera; microphone; display-capture; autoplay; fullscreen');
    css(iframe, { display: 'block', width: '100%', border: '0', ...size });
    fit();
    // The load event comes even when the widget's script fails, and then the page it rendered is
    // still worth showing.
    iframe.addEventListener('load', () => {
      shown = true;
      placeholder.remove();
      fit();
    }, { once: true });
    win.addEventListener('message', onMessage);
    parent.append(iframe);
  }

  return { load, send };
}
