// A tag's public page: the widget's own log and live modules, read-only (nobody signs in here).
import { connectLive } from './live.js';
import { createLog } from './log.js';
import { followPostChanges } from './post-changes.js';
import { createStatus } from './status.js';

const timeline = document.querySelector('.timeline');
const { tag } = timeline.dataset;
const status = createStatus(timeline.querySelector('.status'));
const log = createLog(timeline, { onAdded() {} });
// The tag's group carries every widget event; this page shows posts, not who is here, typing or pinned.
const ignore = () => {};
const live = connectLive({
  tag,
  log,
  status,
  token: () => null,
  onSignedOut() {},
  events: { PresenceChanged: ignore, PageCountChanged: ignore, Typing: ignore, PostPinned: ignore },
});
followPostChanges(timeline, live, { tag, status, account: { userId: () => null }, context: null });
live.on('PostRemoved', (event) => {
  if (event.tag !== tag) return;
  timeline.querySelectorAll(`[data-post-id="${event.postId}"]`).forEach((element) => element.remove());
});
