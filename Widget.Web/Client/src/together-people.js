import { button } from './button.js';
import { fill } from './text.js';

// "NAME wants to join" with Admit and Decline; the row goes once either is pressed.
export function renderKnock({ userId, name }, { say, admit, decline }) {
  const row = document.createElement('li');
  row.dataset.userId = userId;
  const words = document.createElement('span');
  fill(words, say('textWants'), [name]);
  const done = (act) => () => {
    row.remove();
    act();
  };
  row.append(words, button(say('textAdmit'), 'together-admit', done(admit)), button(say('textDecline'), 'together-decline', done(decline)));
  return row;
}

// Who is in the session, each with their cursor's colour; the creator gets a Remove button for each other person.
export function renderPeople(line, list, session, { say, mine, creator, remove }) {
  const people = session?.participants ?? [];
  if (people.length) fill(line, say('textPeople'), people.map((p) => p.name));
  else line.replaceChildren();
  list.replaceChildren(...people.filter((p) => creator && p.userId !== mine).map((p) => {
    const row = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'together-swatch';
    swatch.style.background = p.color;
    const name = document.createElement('bdi');
    name.textContent = p.name;
    const removeButton = button(say('textRemove'), 'together-remove', () => remove(p.userId));
    removeButton.setAttribute('aria-label', `${say('textRemove')} ${p.name}`);
    row.append(swatch, name, removeButton);
    return row;
  }));
}
