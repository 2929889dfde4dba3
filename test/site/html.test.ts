import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeHttpUrl } from '../../src/site/html.js';
import { fill } from '../../src/site/template.js';

describe('html', () => {
  it('escapes every interpolated value unless marked safe', () => {
    const evil = `<script>x</script>"'\`&`;
    expect(html`<p title="${evil}">${evil}</p>`.text).toBe(
      '<p title="&lt;script&gt;x&lt;/script&gt;&quot;&#39;&#96;&amp;">&lt;script&gt;x&lt;/script&gt;&quot;&#39;&#96;&amp;</p>',
    );
    expect(html`${[raw('<b>'), '<i>']}`.text).toBe('<b>&lt;i&gt;');
    expect(escapeHtml('a&b')).toBe('a&amp;b');
  });

  it('lets only http(s) URLs become links', () => {
    expect(safeHttpUrl('github.com/org/repo')).toBe('https://github.com/org/repo');
    expect(safeHttpUrl('https://git.example.com/x')).toBe('https://git.example.com/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });

  it('fills template slots once, without $ replacement patterns', () => {
    expect(fill('<t>{{a}}</t>', { a: html`${"$& $' {{a}}"}` })).toBe('<t>$&amp; $&#39; {{a}}</t>');
    expect(() => fill('{{missing}}', {})).toThrow(/missing/);
  });
});
