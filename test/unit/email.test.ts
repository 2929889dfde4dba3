import { describe, expect, it } from 'vitest';
import { emailProblem } from '../../src/contract/email.js';

describe('emailProblem', () => {
  it.each(['dev-team@mycompany.com', "o'brien@example.co.uk", 'a.b+tag@sub.example.org', 'x_y@ex-ample.io'])(
    'accepts %s',
    (a) => {
      expect(emailProblem(a)).toBeUndefined();
    },
  );
  it.each([
    'a@x.com, b@evil.com',
    'x@example.com\r\nBcc: victim@example.com',
    'Data Team <data@example.com>',
    '"quoted"@example.com',
    'no-at-sign.example.com',
    'a@@example.com',
    'a@localhost',
    '.a@example.com',
    'a..b@example.com',
    'a@-example.com',
    'a@example.c0m',
    `${'a'.repeat(65)}@example.com`,
  ])('refuses %j', (a) => {
    expect(emailProblem(a)).toBeTypeOf('string');
  });
});
