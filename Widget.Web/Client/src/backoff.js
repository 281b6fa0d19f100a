// Full jitter: after a server restart every open widget reconnects at once, and spreading
// them over the whole window keeps them from coming back in waves.
export const backoff = (attempt) => Math.random() * Math.min(30000, 500 * 2 ** attempt);
