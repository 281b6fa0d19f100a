import { text } from './text.js';

// A template parses server fragments without running anything in them.
const template = document.createElement('template');

function parse(html) {
  template.innerHTML = html;
  return template.content;
}

// Edits and reaction counts reach every copy of a post on the page; the signed-in visitor's own
// reactions are marked (the shared markup cannot know them), and the post's action bar offers
// Reply, Edit and the reactions.
export function followPostChanges(widget, live, { tag, status, account, context }) {
  const editWindowMs = Number(widget.dataset.editWindow) * 1000;
  // postId -> Set of the visitor's own emoji.
  let mine = new Map();

  const copies = (postId) => widget.querySelectorAll(`.post[data-post-id="${postId}"]`);

  function mark(article) {
    const own = mine.get(Number(article.dataset.postId));
    for (const chip of article.querySelectorAll(':scope > .post-reactions > .reaction')) {
      chip.classList.toggle('mine', Boolean(own?.has(chip.dataset.emoji)));
    }
  }

  function showCounts(postId, html) {
    for (const article of copies(postId)) {
      article.querySelector(':scope > .post-reactions')?.remove();
      article.querySelector(':scope > .post-text').after(parse(html));
      mark(article);
    }
  }

  live.on('PostEdited', (event) => {
    if (event.tag !== tag) return;
    for (const article of copies(event.postId)) {
      const fresh = parse(event.html).firstElementChild;
      if (article.dataset.seq) fresh.dataset.seq = article.dataset.seq;
      const replies = article.querySelector(':scope > .post-replies');
      if (replies) fresh.append(replies);
      article.replaceWith(fresh);
      mark(fresh);
    }
  });

  live.on('ReactionsChanged', (event) => {
    if (event.tag === tag) showCounts(event.postId, event.html);
  });

  async function react(postId, emoji) {
    const own = mine.get(postId) ?? new Set();
    const on = !own.has(emoji);
    try {
      await live.send('React', { postId, emoji, on });
      if (on) own.add(emoji);
      else own.delete(emoji);
      mine.set(postId, own);
      copies(postId).forEach(mark);
      status.clear('react');
    } catch (error) {
      status.set('react', error.message);
    }
  }

  // Asked again after every join: a reload, a reconnect or a new sign-in.
  async function loadMine() {
    mine = new Map();
    if (account.userId()) {
      const ids = [...new Set([...widget.querySelectorAll('.post[data-post-id]')].map((a) => Number(a.dataset.postId)))].slice(-200);
      const own = ids.length ? (await live.notify('MyReactions', ids)) ?? [] : [];
      for (const { postId, emoji } of own) mine.set(postId, (mine.get(postId) ?? new Set()).add(emoji));
    }
    widget.querySelectorAll('.post').forEach(mark);
  }

  const button = (label, className, onClick) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = `post-action-extra ${className}`;
    element.textContent = label;
    element.addEventListener('click', (event) => {
      event.stopPropagation();
      event.target.closest('.post-actions')?.remove();
      onClick();
    });
    return element;
  };

  // moderation.js builds the bar when a post is tapped; this adds what a writer can do.
  widget.addEventListener('post-actions', ({ target: article, detail: { bar } }) => {
    const postId = Number(article.dataset.postId);
    const name = article.querySelector(':scope > .post-head .post-author').textContent;
    bar.prepend(button(text('textReply'), 'post-reply', () => context.replyTo(postId, name)));
    const posted = Date.parse(article.querySelector(':scope > .post-head .post-time').getAttribute('datetime'));
    if (Number(article.dataset.authorId) === account.userId() && Date.now() - posted < editWindowMs) {
      const current = article.querySelector(':scope > .post-text').textContent;
      bar.append(button(text('textEdit'), 'post-edit', () => context.edit(postId, current)));
    }
    for (const emoji of widget.dataset.reactions.split(' ')) {
      bar.append(button(emoji, 'post-react', () => react(postId, emoji)));
    }
  });

  // Tapping a count toggles one's own reaction of that kind.
  widget.addEventListener('click', (event) => {
    const chip = event.target.closest('.reaction');
    if (!chip || !account.userId()) return;
    event.stopPropagation();
    react(Number(chip.closest('.post').dataset.postId), chip.dataset.emoji);
  }, true);

  return { loadMine };
}
