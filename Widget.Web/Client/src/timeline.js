// A tag's public page: the widget's own log and live modules, read-only (nobody signs in here).
import { connectLive } from './live.js';
import { createLog } from './log.js';
import { createStatus } from './status.js';

const timeline = document.querySelector('.timeline');
const status = createStatus(timeline.querySelector('.status'));
const log = createLog(timeline, { onAdded() {} });
connectLive({ tag: timeline.dataset.tag, log, status, token: () => null, onSignedOut() {} });
