import { text as label } from './text.js';

// context (compose-context.js) says whether the text is a reply or an edit.
export function setUpCompose(form, { tag, log, live, status, context }) {
  const textarea = form.elements.text;
  const button = form.querySelector('[type="submit"]');
  // Sending the same text again reuses its client id, so a post the server stored before a
  // failure is returned rather than written twice.
  let pending = null;

  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (button.disabled || !text.trim()) return;
    const doing = context.current();
    if (pending?.text !== text || pending.doing !== doing) pending = { text, doing, clientId: crypto.randomUUID() };
    button.disabled = true;
    if (!live.isLive()) status.set('post', label('textWillSend'));
    try {
      if (doing?.kind === 'edit') {
        await live.send('EditPost', { postId: doing.postId, text });
        pending = null;
        if (textarea.value === text) textarea.value = '';
        context.clear();
        status.clear('post');
        return;
      }
      const replyTo = doing?.postId ?? null;
      const { post, held, message } = await live.send('Post', { channel: tag, clientId: pending.clientId, text, replyTo });
      pending = null;
      if (context.current() === doing) context.clear();
      // Whatever was typed while sending is kept.
      if (textarea.value === text) textarea.value = '';
      status.clear('post');
      // A held post comes back as PostHeld, with its markup; a shown one by PostAdded or, failing that, a Join.
      if (held) status.set('post', message);
      else if (!log.has(post.id)) live.catchUp();
    } catch (error) {
      status.set('post', error.message);
    } finally {
      // A ban that arrived meanwhile keeps the form off until it ends.
      button.disabled = 'banned' in form.dataset;
    }
  });
}
