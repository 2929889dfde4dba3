import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER, hasNews, renderComment } from '../../src/action/render-comment.js';
import { code, text } from '../../src/action/markdown.js';
import { finding, sampleReport } from './helpers.js';

describe('renderComment', () => {
  it('renders findings, contract changes and contacts (snapshot)', async () => {
    await expect(renderComment(sampleReport())).toMatchFileSnapshot('__snapshots__/comment.md');
  });

  it('says so when a later push no longer touches contracted tables (snapshot)', async () => {
    const r = sampleReport({ findings: [], notices: [], changes: [], blocking: false });
    expect(hasNews(r)).toBe(false);
    await expect(renderComment(r)).toMatchFileSnapshot('__snapshots__/comment-clear.md');
  });

  it('neutralises mentions, HTML and images from contract and PR text', () => {
    const body = renderComment(sampleReport());
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    // Only the mapped owners are mentioned; evidence sits in code spans.
    const mentions = [...body.replace(/`[^`]*`/g, '').matchAll(/(?<![\w`])@[\w-]+(\/[\w.-]+)?/g)].map(
      (x) => x[0],
    );
    expect([...new Set(mentions)].sort()).toEqual(['@ana-de', '@mycompany/dev-team']);
    expect(text('hi @octocat <b>x</b> ![i](u)')).toBe('hi @\u2060octocat \\<b\\>x\\</b\\> \\!\\[i\\]\\(u\\)');
    expect(code('a ``b`` | c')).toBe('```a ``b`` \\| c```');
  });

  it("names a finding's column, and a renamed column's new name", () => {
    const body = renderComment(
      sampleReport({
        findings: [
          finding({ kind: 'rename-column', column: 'total', columnTo: 'total_cents', code: 'DCR-B109' }),
          finding({ kind: 'drop-column', column: 'note', code: 'DCR-B108' }),
        ],
      }),
    );
    expect(body).toContain('- **rename-column** `total` → `total_cents` ');
    expect(body).toContain('- **drop-column** `note` ');
  });

  it('stays under the size budget and says how many findings were left out', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding({ table: `public.t${i}`, evidence: 'x'.repeat(150) }),
    );
    const body = renderComment(sampleReport({ findings: many }), 60_000);
    expect(body.length).toBeLessThan(60_000);
    expect(body).toMatch(/… and \d+ more findings: the job summary lists them all\./);
    expect(body.trimEnd().endsWith('</sub>')).toBe(true);
  });
});
