/**
 * Ids must be creatable outside a secure context too (the app may be opened over plain http on a school LAN, where
 * crypto.randomUUID is missing), so they come from getRandomValues, which every browser and Node 20 provide.
 */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
