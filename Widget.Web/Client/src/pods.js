// Pods in the widget: where the site shows visitors on its pages, the frame watches the host page's pods on
// the together hub and hands them to the module embed.js loads, over a port of their own; a signed-in visitor
// who turns "Show me on this page" on sends where their mouse is too. Anonymous visitors only watch. Offered
// only where embed.js framed us, since a plain iframe snippet has nobody on the host page to draw pods.
import { connectTogether } from './together-hub.js';

const SHOWN = 'widget.pods';

const stored = {
  get: () => { try { return sessionStorage.getItem(SHOWN) === '1'; } catch { return false; } },
  set: (on) => { try { if (on) sessionStorage.setItem(SHOWN, '1'); else sessionStorage.removeItem(SHOWN); } catch { /* storage off: off on the next page */ } },
};

const pathOf = (url) => { try { return new URL(url).pathname; } catch { return null; } };

export function setUpPods(widget, { tag, account, hostPage, askHost }) {
  const box = widget.querySelector('.pods');
  if (!box || !('embed' in widget.dataset)) return { receive(port) { port.close(); }, page() {}, signedInChanged() {} };
  const toggle = box.querySelector('.pods-show');
  const status = box.querySelector('.pods-status');
  let hub = null;
  let port = null;
  let path = null;
  // The newest batch each visitor's pod came in: every node batches its own visitors by its own clock.
  const lastBatch = new Map();

  const shown = () => toggle.checked && Boolean(account.userId());
  const toHost = (message) => port?.postMessage(message);

  function render() {
    box.hidden = !account.userId();
    toggle.checked = shown();
  }

  async function attempt(method, ...args) {
    if (!hub) return false;
    try {
      await hub.invoke(method, ...args);
      status.textContent = '';
      return true;
    } catch (error) {
      status.textContent = error.message;
      return false;
    }
  }

  // The room is the page's path; a new one (a single-page app moving on) starts the pods afresh.
  async function watch() {
    const now = pathOf(hostPage().url);
    if (!hub || !now) return;
    if (now !== path) {
      toHost({ type: 'clear' });
      lastBatch.clear();
    }
    path = now;
    if (!(await attempt('WatchPage', tag, path))) return;
    const on = shown() && await attempt('ShowMe', true);
    if (shown() && !on) toggle.checked = false;
    toHost({ type: 'track', on: Boolean(on) });
  }

  async function connect() {
    hub?.stop();
    hub = null;
    try {
      hub = await connectTogether(account.token, {
        Pods(batch) {
          // Batches may overtake each other on the way; an older one would move a pod back.
          if (batch.path !== path) return;
          for (const { userId, name, color, position } of batch.pods) {
            if (userId === account.userId() || batch.sequence < (lastBatch.get(userId) ?? 0)) continue;
            lastBatch.set(userId, batch.sequence);
            toHost({ type: 'pod', userId, name, color, ...position });
          }
        },
        PodGone: (userId) => toHost({ type: 'pod-gone', userId }),
      }, () => {}, () => { lastBatch.clear(); watch(); });
    } catch {
      return;
    }
    await watch();
  }

  toggle.addEventListener('change', async () => {
    stored.set(toggle.checked);
    const on = toggle.checked && await attempt('ShowMe', true);
    if (!toggle.checked) await attempt('ShowMe', false);
    if (toggle.checked && !on) toggle.checked = false;
    toHost({ type: 'track', on: Boolean(on) });
  });

  toggle.checked = stored.get();
  render();
  askHost();
  connect();
  return {
    // From the host page: the port to its module, which draws the pods and reports the mouse.
    receive(given) {
      port?.close();
      port = given;
      port.onmessage = ({ data }) => {
        if (data?.type !== 'move' || !shown() || !hub) return;
        hub.send('MovePod', { path: String(data.path), x: Number(data.x), y: Number(data.y) }).catch(() => {});
      };
      toHost({ type: 'track', on: false });
      watch();
    },
    page: watch,
    // Who the hub knows us as is fixed when the connection opens: signing in or out opens a new one.
    signedInChanged() {
      if (!account.userId()) toggle.checked = false;
      render();
      toHost({ type: 'track', on: false });
      connect();
    },
  };
}
