import { text } from './text.js';

// Posts that only this visitor sees: their own post waiting for a moderator ("waiting for approval",
// below every shown post until approved or turned down), and their posts under a shadow ban. The page
// is the same for everyone and often does not know the visitor, so after every join the hub is asked
// for them (Mine), along with a ban in force.
export function followOwnPosts(widget, live, { tag, log, status, account, onBan }) {
  const note = text('textHeld');

  live.on('PostHeld', (event) => {
    if (event.tag === tag) log.addOwn([{ ...event, held: true }], note);
  });

  const textarea = widget.querySelector('.compose textarea');
  live.on('PostRejected', (event) => {
    if (event.tag !== tag) return;
    const held = widget.querySelectorAll(`[data-post-id="${event.postId}"][data-held]`);
    // The author gets the words back to change and send again, unless they are writing something else.
    const words = held[0]?.querySelector(':scope > .post-text').textContent;
    if (words && !textarea.value) textarea.value = words;
    held.forEach((element) => element.remove());
    status.set('post', event.message);
  });

  return async function refresh() {
    if (!account.userId()) return;
    const oldest = Number(log.list.dataset.oldestSeq) || 1;
    const mine = await live.notify('Mine', tag, oldest - 1);
    if (!mine) return;
    log.addOwn(mine.posts, note);
    if (mine.ban) onBan(mine.ban);
  };
}
