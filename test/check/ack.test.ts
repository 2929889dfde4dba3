import { describe, expect, it } from 'vitest';
import { ackedIds, ackLedger } from '../../src/detect/ack.js';

const c = (id: string, parents: string[], message = id) => ({ id, parents, message });

describe('ackLedger', () => {
  it('lets a commit and its descendants acknowledge a change, never its ancestors', () => {
    // a ─ b ─ m ─ d      (b acknowledges orders; m merges x, which acknowledges items)
    //      x ─┘
    const commits = [
      c('a', ['o'], 'early\n\nData-Contract-Ack: billing'),
      c('b', ['a'], 'b\n\nData-Contract-Ack: Orders'),
      c('x', ['o'], 'x\n\nData-Contract-Ack: items'),
      c('m', ['b', 'x'], 'Merge'),
      c('d', ['m']),
    ];
    const ledger = ackLedger(commits);
    expect(ledger.get('a')!.get('orders')).toBe('b');
    expect(ledger.get('b')!.get('orders')).toBe('b');
    expect(ledger.get('d')!.get('orders')).toBeUndefined();
    expect(ledger.get('m')!.get('billing')).toBeUndefined();
    expect(ledger.get('a')!.get('billing')).toBe('a');
    expect(ledger.get('a')!.get('items')).toBeUndefined(); // x is no descendant of a
    expect(ledger.get('x')!.get('items')).toBe('x');
  });

  it('prefers the commit’s own trailer, then the nearest descendant', () => {
    const commits = [
      c('a', []),
      c('b', ['a'], 'Data-Contract-Ack: j'),
      c('d', ['b'], 'Data-Contract-Ack: j'),
    ];
    const ledger = ackLedger(commits);
    expect(ledger.get('a')!.get('j')).toBe('b');
    expect(ledger.get('d')!.get('j')).toBe('d');
  });

  it('reads trailers that start a line only (not the indented copies of a squash message)', () => {
    expect(ackedIds('Squashed commit\n\n    Data-Contract-Ack: a\nData-Contract-Ack: b, c')).toEqual([
      'b',
      'c',
    ]);
  });
});
