// Our side of the protocol with embed.js, the script a host page loads to frame us.
import { lang, text } from './text.js';

const MAX_URL = 2048;
const MAX_TITLE = 300;
// A together session's id: 128 random bits in base64url.
const SESSION = /^[A-Za-z0-9_-]{22}$/;

const framed = window.parent !== window;
let host = { url: null, title: null, open: true };

// Where the host says we are shown and whether its bubble is open, for per-page presence. Any
// page may frame us and say anything here: it is a hint, never grounds to trust or to show as a link
// unchecked.
export const hostPage = () => host;

// Only what anyone on the host page could see goes to it: our height and that someone posted. No
// token or other secret is ever sent this way, so '*' is safe; it is also the only choice, as we
// cannot know the host's origin.
const tell = (message) => window.parent.postMessage(message, '*');

function listen(onPage, onTogether, onPods) {
  window.addEventListener('message', (event) => {
    // Only the page that framed us speaks for the host; not a sibling frame, not a popup.
    if (event.source !== window.parent) return;
    const { data } = event;
    if (data?.type === 'widget:page' && typeof data.url === 'string' && typeof data.title === 'string'
        && data.url.length <= MAX_URL && /^https?:\/\//i.test(data.url)) {
      host = { ...host, url: data.url, title: data.title.slice(0, MAX_TITLE) };
      onPage(host.url);
    } else if (data?.type === 'widget:visibility' && typeof data.open === 'boolean') {
      host = { ...host, open: data.open };
    } else if (data?.type === 'widget:together-invite' && typeof data.session === 'string' && SESSION.test(data.session)) {
      onTogether({ invite: data.session });
    } else if (data?.type === 'widget:together-port' && event.ports.length === 1) {
      if (data.kind === 'pods') onPods(event.ports[0]);
      else onTogether({ port: event.ports[0] });
    }
  });
}

// embed.js sizes its frame to what we report. For that the widget takes the height its content
// needs, up to the frame's (see widget.css), and the log scrolls only past that.
function reportHeight(widget) {
  const list = widget.querySelector('.posts');
  let last;
  const measure = () => {
    const height = widget.scrollHeight - list.clientHeight + list.scrollHeight;
    if (height === last) return;
    last = height;
    tell({ type: 'widget:resize', height });
  };
  // Once the widget fills its frame its own box stops changing, and a post or the compose form
  // coming in only makes the log scroll; so the parts are watched too, and the posts in the log.
  // A ResizeObserver calls back at most once a frame, after layout, so measuring there is cheap.
  const resized = new ResizeObserver(measure);
  resized.observe(widget);
  for (const part of widget.children) {
    if (part !== list) resized.observe(part);
  }
  new MutationObserver(measure).observe(list, { childList: true });
}

export function connectEmbed(widget, { onPage, onTogether, onPods }) {
  if (!framed) return { posted() {}, together() {}, pods() {} };
  listen(onPage, onTogether, onPods);
  // A plain iframe snippet has a fixed size that the widget fills; only embed.js asks for ?embed=1.
  if (new URLSearchParams(location.search).has('embed')) {
    widget.dataset.embed = '';
    reportHeight(widget);
  }
  // The host's chat button speaks the widget's language too; the words are the page's, nothing secret.
  tell({ type: 'widget:ready', lang, words: { chat: text('textChat'), newPosts: JSON.parse(text('textNewPosts') || '{}') } });
  return {
    // Someone else's post came in live; the host counts these while its bubble is closed.
    posted: () => tell({ type: 'widget:post' }),
    // A together session began (the host loads its module and hands us a port) or ended.
    together: (active) => tell({ type: 'widget:together', active }),
    // The site shows visitors on its pages: the host loads the module and hands us a port for the pods.
    pods: () => tell({ type: 'widget:pods' }),
  };
}
