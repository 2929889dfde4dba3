import { describe, expect, it } from 'vitest';
import { parseTableName, tableKey } from '../../src/contract/table-name.js';

describe('parseTableName', () => {
  it.each([
    ['orders', ['orders']],
    ['public.orders', ['public', 'orders']],
    ['shop.public.orders', ['shop', 'public', 'orders']],
    ['"Order Items"', ['Order Items']],
    ['"dbo"."Credit Notes"', ['dbo', 'Credit Notes']],
    ['[dbo].[Invoices]', ['dbo', 'Invoices']],
    ['`my-project`.sales.orders', ['my-project', 'sales', 'orders']],
    ['"a""b"', ['a"b']],
    ['"x.y".z', ['x.y', 'z']],
  ])('reads %s', (text, parts) => {
    const parsed = parseTableName(text);
    expect('error' in parsed ? parsed.error : parsed.parts.map((p) => p.name)).toEqual(parts);
  });

  it.each(['', 'a..b', '.a', 'a.', 'a.b.c.d', 'bad name', '"open', '""', '"a"b'])('refuses %j', (text) => {
    expect(parseTableName(text)).toHaveProperty('error');
  });

  it('folds unquoted names and keeps quoted ones', () => {
    expect(tableKey('PUBLIC.Orders')).toBe('public.orders');
    expect(tableKey('"apiKeys"')).toBe('apiKeys');
    expect(tableKey('apiKeys')).toBe('apikeys');
    expect(tableKey('a..b')).toBeUndefined();
  });
});
