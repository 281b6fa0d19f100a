// Serves a plain HTML page on another origin that embeds the widget, as a webmaster's site would.
import { createServer } from 'node:http';

const port = Number(process.env.DEMO_PORT ?? 5081);
const host = process.env.DEMO_HOST ?? '127.0.0.1';
const widget = process.env.WIDGET_ORIGIN ?? 'http://localhost:5080';
const tag = process.env.DEMO_TAG ?? 'demo';

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const src = escape(`${widget}/w/${encodeURIComponent(tag)}`);

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A webmaster's site</title></head>
<body>
<h1>A webmaster's site</h1>
<p>This page is served from ${escape(`http://${host}:${port}`)}; the chat below comes from ${escape(widget)}.</p>
<h2>The plain iframe snippet</h2>
<iframe src="${src}" title="Chat #${escape(tag)}" width="360" height="480" style="border:1px solid #ccc"></iframe>
<h2>The script snippet, as a floating bubble</h2>
<p>See the button in the corner.</p>
<script async src="${escape(widget)}/embed.js" data-widget-tag="${escape(tag)}"></script>
</body>
</html>
`;

createServer((req, res) => {
  if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://x').pathname !== '/') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
}).listen(port, host, () => console.log(`demo host page on http://${host}:${port}/`));
