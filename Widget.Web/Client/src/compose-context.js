import { fill, text } from './text.js';

// What the compose box is doing besides writing a new post: replying to someone, or editing one's own
// post. Shown above the text box with a cancel button; the send in compose.js reads it.
export function createComposeContext(form) {
  const bar = form.querySelector('.compose-context');
  const label = bar.querySelector('.compose-context-text');
  const textarea = form.elements.text;
  let current = null;

  function set(context, words, names) {
    current = context;
    fill(label, words, names);
    bar.hidden = false;
    textarea.focus();
  }

  function clear() {
    if (current?.kind === 'edit') textarea.value = '';
    current = null;
    bar.hidden = true;
  }

  bar.querySelector('.compose-context-cancel').addEventListener('click', clear);
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !current) return;
    event.preventDefault();
    clear();
  });

  return {
    current: () => current,
    clear,
    replyTo(postId, name) {
      if (current?.kind === 'edit') textarea.value = '';
      set({ kind: 'reply', postId }, text('textReplyingTo'), [name]);
    },
    edit(postId, postText) {
      textarea.value = postText;
      set({ kind: 'edit', postId }, text('textEditing'));
    },
  };
}
