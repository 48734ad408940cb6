/**
 * A part's bytes as text, by the decoder fastest for what the part mostly holds.
 *
 * - The shared strings (prose: nearly all Chinese) and the package's small parts: UTF-8. Node's TextDecoder has two
 *   ways of decoding it, a fast path (simdutf) taken by a decoder that has never streamed and ICU's, taken by one
 *   that has: ICU's is about 1.8 times as fast on Chinese (60 against 107 ms for a 100,000-row list's shared strings),
 *   the fast path 2.5 times as fast on ASCII. A browser's decoder has one way, as fast streamed or not.
 * - A worksheet (markup: nearly all ASCII; its only text is in inline strings and formula results). Chromium's UTF-8
 *   decoder takes 145 ms over a 100,000-row sheet, its one-byte windows-1252 decoder 79 ms; Node's UTF-8 fast path is
 *   the quicker there (42 against 78 ms). Decoded one byte to a character, a sheet's markup reads the same, and the
 *   reader turns the few values it copies out back into their UTF-8 text (`sheetText`), before any entity is decoded.
 */
const markup = new TextDecoder();
const prose = new TextDecoder();
prose.decode(new Uint8Array(0), { stream: true }); // (it has streamed: ICU's way from now on)
prose.decode(new Uint8Array(0)); // (and holds no partial character)

const inNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';

/** The one-byte decoder for sheets and, for each character it gives, the byte it came from; null where UTF-8 is used. */
const oneByte = ((): { decoder: TextDecoder; byteOf: Map<number, number> } | null => {
  if (inNode) return null;
  try {
    const decoder = new TextDecoder('windows-1252');
    const all = new Uint8Array(256).map((_, i) => i);
    const chars = decoder.decode(all);
    // one character for every byte, each a different one, ASCII as itself: or this decoder is of no use here
    if (chars.length !== 256) return null;
    const byteOf = new Map<number, number>();
    for (let i = 0; i < 256; i++) byteOf.set(chars.charCodeAt(i), i);
    if (byteOf.size !== 256) return null;
    for (let i = 0; i < 128; i++) if (chars.charCodeAt(i) !== i) return null;
    return { decoder, byteOf };
  } catch {
    return null;
  }
})();

export type PartKind = 'markup' | 'prose' | 'sheet';

export function decodePart(bytes: Uint8Array, kind: PartKind): string {
  if (kind === 'prose') return prose.decode(bytes);
  if (kind === 'sheet' && oneByte) return oneByte.decoder.decode(bytes);
  return markup.decode(bytes);
}

/**
 * A value copied out of a sheet decoded by decodePart(…, 'sheet'), as its text: the bytes the one-byte decoder gave a
 * character each, decoded as the UTF-8 they are. The same string where sheets are decoded as UTF-8, or it is ASCII.
 */
export function sheetText(value: string): string {
  if (!oneByte) return value;
  let i = 0;
  while (i < value.length && value.charCodeAt(i) < 128) i++;
  if (i === value.length) return value;
  const bytes = new Uint8Array(value.length);
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    bytes[k] = c < 128 ? c : oneByte.byteOf.get(c) ?? 0x3f; // (a character no byte gives cannot occur: '?' if it did)
  }
  return markup.decode(bytes);
}
