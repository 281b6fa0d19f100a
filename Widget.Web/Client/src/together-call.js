// The session's own call, in the call panel inside the together panel: "Call everyone here" opens it, and the
// other participants see who started it and join. The same call room as the channel's (call-room.js), on the
// call hub's connection; shown only while in a session on a site with calls on (the panel is absent otherwise).
export function setUpSessionCall(panel, calls) {
  const callPanel = panel.querySelector('.call');
  let session = null;
  const room = callPanel && calls.room(callPanel, {
    watch: () => (session ? calls.hub.invoke('WatchSession', session.sessionId) : null),
    check: () => calls.hub.invoke('Check', session.tag),
    join: () => calls.hub.invoke('JoinSession', session.sessionId),
  });
  if (!room) return { joined() {}, stop() {} };

  return {
    joined(view) {
      const fresh = session?.sessionId !== view.sessionId;
      session = view;
      callPanel.hidden = false;
      if (fresh) room.watch();
    },
    stop() {
      if (!session) return;
      session = null;
      callPanel.hidden = true;
      room.close();
    },
  };
}
