import { text } from './text.js';

const EXPORT_FILE = 'widget-posts.json';

// "Your data": the signed-in visitor downloads what they wrote, or deletes their account after saying so
// twice. Both go with the widget's own token; a deleted account's session is forgotten here at once.
export function setUpYourData(widget, { account, status }) {
  const panel = widget.querySelector('.your-data');
  const confirm = panel.querySelector('.delete-confirm');
  const call = async (method, path) => {
    const response = await fetch(path, { method, headers: { Authorization: `Bearer ${account.token()}` } });
    if (!response.ok) throw new Error(text('textSomethingWrong'));
    return response;
  };
  const attempt = (action) => async () => {
    status.clear('data');
    try {
      await action();
    } catch (error) {
      status.set('data', error.message || text('textSomethingWrong'));
    }
  };

  panel.querySelector('.export-data').addEventListener('click', attempt(async () => {
    const file = URL.createObjectURL(await (await call('GET', '/api/me/export')).blob());
    Object.assign(document.createElement('a'), { href: file, download: EXPORT_FILE, target: '_self' }).click();
    URL.revokeObjectURL(file);
  }));

  panel.querySelector('.delete-account').addEventListener('click', () => {
    confirm.hidden = false;
    confirm.querySelector('.delete-account-cancel').focus();
  });
  confirm.querySelector('.delete-account-cancel').addEventListener('click', () => {
    confirm.hidden = true;
  });
  confirm.querySelector('.delete-account-confirm').addEventListener('click', attempt(async () => {
    await call('DELETE', '/api/me');
    confirm.hidden = true;
    panel.open = false;
    account.revoked();
    status.set('data', text('textAccountDeleted'));
  }));
}
