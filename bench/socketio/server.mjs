// The bare hub's job on socket.io 4: "join" puts the socket in the channel's room, "post" numbers the
// post in its channel and sends the room the same event the bare hub sends (post as JSON and as HTML),
// then acknowledges. Nothing is kept. WebSocket transport only; binds 127.0.0.1.
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node server.mjs PORT");
  process.exit(2);
}

const http = createServer((_, response) => response.writeHead(404).end());
const io = new Server(http, { transports: ["websocket"], serveClient: false });
const lastSeq = new Map();
let lastId = 0;

const escape = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

// The markup of the service's PostView component, as bench/BareHub/Broadcaster.cs writes it.
const html = (post, seq) => {
  const at = post.createdAt;
  const time = at.slice(11, 16);
  return `<article class="post" data-post-id="${post.id}" data-seq="${seq}" data-author-id="${post.authorId}"><header class="post-head"><span class="post-author">${escape(post.authorName)}</span><time class="post-time" datetime="${at}">${time}</time></header><p class="post-text">${escape(post.text)}</p></article>`;
};

const valid = (value) => typeof value === "string" && value.length > 0 && value.length <= 4000;

io.on("connection", (socket) => {
  socket.on("join", (tag, ack) => {
    if (!valid(tag) || typeof ack !== "function") return;
    socket.join("t:" + tag);
    ack({ posts: [], reset: false });
  });

  socket.on("post", (request, ack) => {
    if (typeof ack !== "function") return;
    if (!valid(request?.channel) || !valid(request?.text)) {
      ack({ error: "A post needs a channel and a text." });
      return;
    }
    const channel = request.channel;
    const seq = (lastSeq.get(channel) ?? 0) + 1;
    lastSeq.set(channel, seq);
    const post = {
      id: ++lastId, authorId: 1, authorName: "bench", text: request.text,
      createdAt: new Date().toISOString(), channel, tags: [channel],
    };
    io.to("t:" + channel).emit("PostAdded", { tag: channel, seq, post, html: html(post, seq) });
    ack({ post, created: true });
  });
});

http.listen(port, "127.0.0.1", () => console.log(`socket.io listening on 127.0.0.1:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => { io.close(); process.exit(0); });
