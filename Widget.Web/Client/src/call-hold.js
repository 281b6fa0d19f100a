// A room's events can overtake the answer to joining it: the server tells the others we are in (and they send
// their offer) before our own join call returns. Such events are held while a join is in flight and played, in
// the order they came, once it is answered and the call is set up, so no offer or candidate is dropped.
export function createHold() {
  let held = null;
  return {
    // The handler of one hub event, held back while a join is in flight.
    wrap: (handle) => (...args) => {
      if (held) held.push(() => handle(...args));
      else handle(...args);
    },
    // Runs the join (and the set-up after it), then what came meanwhile.
    async during(join) {
      held = [];
      try {
        return await join();
      } finally {
        const replay = held;
        held = null;
        replay.forEach((run) => run());
      }
    },
  };
}
