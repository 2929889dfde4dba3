import { describe, expect, it } from 'vitest';
import { ormTable, pluralize, underscore } from '../../../src/detect/lang/naming.js';

describe('naming helpers', () => {
  it.each([
    ['order', 'orders'],
    ['category', 'categories'],
    ['address', 'addresses'],
    ['status', 'statuses'],
    ['person', 'people'],
    ['order_item', 'order_items'],
    ['box', 'boxes'],
    ['equipment', 'equipment'],
    ['Invoice', 'Invoices'],
    ['wife', 'wives'],
  ])('pluralizes %s as %s', (word, plural) => {
    expect(pluralize(word)).toBe(plural);
  });

  it('underscores class names, keeping acronyms together and dropping namespaces', () => {
    expect(underscore('OrderItem')).toBe('order_item');
    expect(underscore('HTMLPage')).toBe('html_page');
    expect(underscore('Admin::UserRole')).toBe('user_role');
  });

  it('quotes mixed-case names the way ORMs create them', () => {
    expect(ormTable('users')).toBe('users');
    expect(ormTable('apiKeys')).toBe('"apiKeys"');
    expect(ormTable('Users', 'billing')).toBe('billing."Users"');
  });
});
