import { setUpAccount } from './account.js';
import { setUpCompose } from './compose.js';
import { createComposeContext } from './compose-context.js';
import { setUpCall } from './call.js';
import { setUpRing } from './call-ring.js';
import { connectEmbed, hostPage } from './embed-channel.js';
import { loadOlderOnScroll } from './history.js';
import { connectLive } from './live.js';
import { createLog } from './log.js';
import { followModeration } from './moderation.js';
import { followOwnPosts } from './own-posts.js';
import { followPostChanges } from './post-changes.js';
import { createPresence } from './presence.js';
import { setUpPods } from './pods.js';
import { setUpSkipLink } from './skip-link.js';
import { followSlowMode } from './slow-mode.js';
import { createStatus } from './status.js';
import { releaseReplies } from './threads.js';
import { setUpTogether } from './together.js';
import { createTyping } from './typing.js';
import { setUpYourData } from './your-data.js';

const widget = document.querySelector('.widget');
const { tag } = widget.dataset;
const status = createStatus(widget.querySelector('.status'));
const presence = createPresence(widget);
// The host page, as embed.js reports it, gives the "on this page" count; it is sent again on every join.
const tellPage = async () => {
  const { url } = hostPage();
  if (!url) return;
  const count = await live.notify('SetPage', tag, url);
  if (count !== undefined) presence.page(count);
};
const embed = connectEmbed(widget, {
  onPage() {
    tellPage();
    pods.page();
  },
  onTogether: (message) => together.receive(message),
  onPods: (port) => pods.receive(port),
});
const typing = createTyping(widget, { tag, live: () => live, signedIn: () => Boolean(account.userId()) });
const log = createLog(widget, {
  onAdded(post) {
    if (post.authorId !== account.userId()) embed.posted();
    typing.posted(post);
  },
});
const account = setUpAccount(widget, {
  status,
  onChange() {
    live.restart();
    together.signedInChanged();
    pods.signedInChanged();
    ring.hangUp();
    call.accountChanged();
  },
});
const live = connectLive({
  tag,
  log,
  status,
  token: account.token,
  onSignedOut: account.revoked,
  counted: !new URLSearchParams(location.search).has('preview'),
  events: {
    PresenceChanged: (diff) => {
      presence.apply(diff);
      ring.changed(diff);
    },
    PageCountChanged: ({ count }) => presence.page(count),
    Typing: typing.show,
  },
  // "Here now" is greyed while it cannot be kept up to date.
  onLine(up) {
    widget.toggleAttribute('data-offline', !up);
  },
  onJoined({ presence: here }) {
    presence.reset(here);
    ring.present(here);
    tellPage();
    changes.loadMine();
    refreshOwn();
  },
});
const compose = widget.querySelector('.compose');
const context = createComposeContext(compose);
const changes = followPostChanges(widget, live, { tag, status, account, context });
// Registered before moderation's own handler, which removes the post with whatever it holds.
live.on('PostRemoved', (event) => {
  if (event.tag === tag) releaseReplies(widget, log, event.postId);
});
const { applyBan } = followModeration(widget, live, { tag, status, account });
const refreshOwn = followOwnPosts(widget, live, { tag, log, status, account, onBan: applyBan });
setUpCompose(compose, { tag, log, live, status, context });
followSlowMode(widget, live, { tag });
const call = setUpCall(widget, { tag, account });
const ring = setUpRing(widget, { tag, account, hub: call.hub, refusal: call.refusal });
setUpSkipLink(widget);
setUpYourData(widget, { account, status });
loadOlderOnScroll(log, tag, status);
const together = setUpTogether(widget, { tag, account, hostPage, tellHost: (active) => embed.together(active), calls: call });
const pods = setUpPods(widget, { tag, account, hostPage, askHost: () => embed.pods() });
