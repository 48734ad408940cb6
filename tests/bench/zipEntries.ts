/** The deflated entries of a zip archive, from its central directory (no zip64: the bench writes small archives). */
export function* zipEntries(bytes: Uint8Array): Generator<{ name: string; data: Uint8Array; size: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (view.getUint16(at + 10, true) === 8) yield { name, data: bytes.subarray(start, start + compressed), size };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
