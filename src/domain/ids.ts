/**
 * Ids must be creatable outside a secure context too (the app may be opened over plain http on a school LAN, where
 * crypto.randomUUID is missing), so they come from getRandomValues, which every browser and Node 20 provide.
 */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const ID_BYTES = 12;
// random bytes drawn for many ids at once: one getRandomValues call per id cost a third of a 20,000-row import
const pool = new Uint8Array(ID_BYTES * 1024);
let next = pool.length;

export function newId(): string {
  if (next + ID_BYTES > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    next = 0;
  }
  let out = '';
  for (let i = next; i < next + ID_BYTES; i++) out += HEX[pool[i]!]!;
  next += ID_BYTES;
  return out;
}
