import { describe, expect, it } from 'vitest';
import { ORDER_STEP, placeAt, type Ordered } from '../../src/domain/order';

const sib = (...orders: number[]): Ordered[] => orders.map((order, i) => ({ id: `s${i}`, order }));

/** The ids in the order they end up in, after applying `changes`. */
function arrange(siblings: Ordered[], changes: Map<string, number>, moving: string[]): string[] {
  const all = [...siblings, ...moving.map((id) => ({ id, order: NaN }))].map((s) => ({
    id: s.id,
    order: changes.get(s.id) ?? s.order,
  }));
  for (const s of all) expect(Number.isFinite(s.order), `order of ${s.id}`).toBe(true);
  return all.sort((a, b) => a.order - b.order).map((s) => s.id);
}

describe('placeAt', () => {
  it('puts one record at the midpoint of its neighbours and changes nothing else', () => {
    const siblings = sib(1024, 2048, 3072);
    const changes = placeAt(siblings, 1, ['new']);
    expect([...changes]).toEqual([['new', 1536]]);
    expect(arrange(siblings, changes, ['new'])).toEqual(['s0', 'new', 's1', 's2']);
  });

  it('spreads several records evenly between the neighbours, keeping their order', () => {
    const siblings = sib(1000, 1300);
    const changes = placeAt(siblings, 1, ['a', 'b']);
    expect(changes.get('a')).toBe(1100);
    expect(changes.get('b')).toBe(1200);
    expect(changes.size).toBe(2);
  });

  it('inserts at the start, before the first sibling', () => {
    const siblings = sib(1024, 2048);
    const changes = placeAt(siblings, 0, ['new']);
    expect(changes.size).toBe(1);
    expect(changes.get('new')!).toBeLessThan(1024);
    expect(arrange(siblings, changes, ['new'])).toEqual(['new', 's0', 's1']);
  });

  it('inserts at the end, after the last sibling', () => {
    const siblings = sib(1024, 2048);
    const changes = placeAt(siblings, 2, ['a', 'b']);
    expect(changes.size).toBe(2);
    expect(arrange(siblings, changes, ['a', 'b'])).toEqual(['s0', 's1', 'a', 'b']);
  });

  it('numbers records placed among no siblings in steps', () => {
    const changes = placeAt([], 0, ['a', 'b']);
    expect(changes.get('a')).toBe(ORDER_STEP);
    expect(changes.get('b')).toBe(2 * ORDER_STEP);
  });

  it('returns no change when nothing moves', () => {
    expect(placeAt(sib(1, 2), 1, []).size).toBe(0);
  });

  it('renumbers all siblings when the gap is too small, and only reports orders that change', () => {
    const siblings: Ordered[] = [
      { id: 'a', order: 1024 },
      { id: 'b', order: 1024 + 1e-7 },
      { id: 'c', order: 5000 },
    ];
    const changes = placeAt(siblings, 1, ['new']);
    expect(arrange(siblings, changes, ['new'])).toEqual(['a', 'new', 'b', 'c']);
    // a keeps 1024 = 1 * ORDER_STEP and is not rewritten; the others get clean steps
    expect(changes.has('a')).toBe(false);
    expect(changes.get('new')).toBe(2 * ORDER_STEP);
    expect(changes.get('b')).toBe(3 * ORDER_STEP);
    expect(changes.get('c')).toBe(4 * ORDER_STEP);
  });

  it('keeps working after many inserts at the same place (repeated halving)', () => {
    let siblings: Ordered[] = sib(1024, 2048);
    for (let i = 0; i < 80; i++) {
      const changes = placeAt(siblings, 1, [`n${i}`]);
      siblings = [...siblings, { id: `n${i}`, order: NaN }].map((s) => ({ id: s.id, order: changes.get(s.id) ?? s.order }));
      siblings.sort((a, b) => a.order - b.order);
      expect(siblings[1]!.id).toBe(`n${i}`);
    }
    const orders = siblings.map((s) => s.order);
    expect(new Set(orders).size).toBe(orders.length);
    expect(siblings[0]!.id).toBe('s0');
    expect(siblings[siblings.length - 1]!.id).toBe('s1');
  });
});
