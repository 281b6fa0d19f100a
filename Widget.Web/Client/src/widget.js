import { setUpAccount } from './account.js';
import { setUpCompose } from './compose.js';
import { connectEmbed } from './embed-channel.js';
import { loadOlderOnScroll } from './history.js';
import { connectLive } from './live.js';
import { createLog } from './log.js';
import { followModeration } from './moderation.js';
import { createStatus } from './status.js';

const widget = document.querySelector('.widget');
const { tag } = widget.dataset;
const status = createStatus(widget.querySelector('.status'));
const embed = connectEmbed(widget);
const log = createLog(widget, {
  onAdded(post) {
    if (post.authorId !== account.userId()) embed.posted();
  },
});
const account = setUpAccount(widget, { status, onChange: () => live.restart() });
const live = connectLive({ tag, log, status, token: account.token, onSignedOut: account.revoked });
followModeration(widget, live, { tag, status, account });
setUpCompose(widget.querySelector('.compose'), { tag, log, live, status });
loadOlderOnScroll(log, tag, status);
