/**
 * Sibling order is a number per record. Inserting takes the midpoint of the neighbours, so a typical insert or move
 * writes one record; only when the gap becomes too small are all siblings renumbered.
 */
export const ORDER_STEP = 1024;
const MIN_GAP = 1e-6;

export interface Ordered {
  id: string;
  order: number;
}

/**
 * Places `moving` records at `index` among `siblings` (which must not contain them). Returns the new order of every
 * record whose order changes.
 */
export function placeAt(siblings: readonly Ordered[], index: number, moving: readonly string[]): Map<string, number> {
  const changes = new Map<string, number>();
  if (moving.length === 0) return changes;
  const before = index > 0 ? siblings[index - 1]!.order : null;
  const after = index < siblings.length ? siblings[index]!.order : null;
  const lo = before ?? (after === null ? 0 : after - ORDER_STEP * (moving.length + 1));
  const hi = after ?? lo + ORDER_STEP * (moving.length + 1);
  const gap = (hi - lo) / (moving.length + 1);
  if (gap < MIN_GAP) {
    const ids = siblings.map((s) => s.id);
    ids.splice(index, 0, ...moving);
    ids.forEach((id, i) => changes.set(id, (i + 1) * ORDER_STEP));
    for (const s of siblings) if (changes.get(s.id) === s.order) changes.delete(s.id);
    return changes;
  }
  moving.forEach((id, i) => changes.set(id, lo + gap * (i + 1)));
  return changes;
}

/** The highest `order` among `records`, or 0. A loop: spreading a long list into Math.max overflows the stack. */
export function maxOrder(records: readonly { order: number }[]): number {
  let max = 0;
  for (const r of records) if (r.order > max) max = r.order;
  return max;
}

export const byOrder = (a: Ordered, b: Ordered): number => a.order - b.order;
