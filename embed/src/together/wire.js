// Yjs updates travel as base64 in pieces small enough for one hub message; the server caps both.
export const PIECE = 3000;
export const MAX_PIECES = 32;

export function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The update's pieces, or none when it is larger than the server would take.
export function pieces(update) {
  const text = toBase64(update);
  const count = Math.ceil(text.length / PIECE);
  if (count > MAX_PIECES) return [];
  return Array.from({ length: count }, (_, part) => ({ data: text.slice(part * PIECE, (part + 1) * PIECE), part, parts: count }));
}

// Puts the pieces of each sender's update back together; returns the whole update once its last piece is in.
export function createJoiner() {
  const started = new Map();
  return (from, { data, part, parts }) => {
    if (part === 0) started.set(from, []);
    const list = started.get(from);
    if (!list || list.length !== part) return null;
    list.push(data);
    if (list.length < parts) return null;
    started.delete(from);
    return fromBase64(list.join(''));
  };
}
