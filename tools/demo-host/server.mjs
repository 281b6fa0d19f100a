// Serves a webmaster's site on another origin that embeds the widget: a home page with both snippets, a
// booking form (to browse and fill in together) and a pricing page with client-side routes.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const port = Number(process.env.DEMO_PORT ?? 5081);
const host = process.env.DEMO_HOST ?? '127.0.0.1';
const widget = process.env.WIDGET_ORIGIN ?? 'http://localhost:5080';
const tag = process.env.DEMO_TAG ?? 'demo';

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const values = {
  HOST_ORIGIN: escape(`http://${host}:${port}`),
  WIDGET_ORIGIN: escape(widget),
  WIDGET_SRC: escape(`${widget}/w/${encodeURIComponent(tag)}`),
  TAG: escape(tag),
};
const read = (name) => readFileSync(new URL(`pages/${name}`, import.meta.url), 'utf8');
const fill = (html) => html.replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);
const html = (name) => ({ type: 'text/html; charset=utf-8', body: fill(read(name)) });

const pages = new Map([
  ['/', html('index.html')],
  ['/book', html('book.html')],
  ['/pricing', html('pricing.html')],
  ['/pricing.js', { type: 'text/javascript; charset=utf-8', body: read('pricing.js') }],
]);

// Routes of the pricing page load the same page, as a single-page app's server would answer a reload.
const pageFor = (path) => pages.get(path) ?? (path.startsWith('/pricing/') ? pages.get('/pricing') : undefined);

createServer((req, res) => {
  const page = req.method === 'GET' ? pageFor(new URL(req.url ?? '/', 'http://x').pathname) : undefined;
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': page.type }).end(page.body);
}).listen(port, host, () => console.log(`demo host pages on http://${host}:${port}/`));
