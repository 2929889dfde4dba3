import { describe, expect, it } from 'vitest';
import { withTemp } from './git-repo.js';
import { commit, makeTeam } from './team-git.js';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('acknowledgements belong to commits, through the hooks', { timeout: 600_000 }, () => {
  it('one report per commit: pre-commit says what will block, commit-msg only the verdict', async () => {
    await withTemp(async (root) => {
      const dev = makeTeam(root).clone('dev');
      dev.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      const blocked = commit(dev, 'note');
      if (process.env.DCR_SHOW) console.log(blocked.out);
      expect(blocked.code).not.toBe(0);
      expect(count(blocked.out, 'contact: orders_pg-src@example.com')).toBe(1);
      expect(blocked.out.indexOf('will be blocked unless')).toBeLessThan(blocked.out.indexOf('✖'));
      expect(blocked.out).toMatch(/✖ dcr: blocked, orders_pg \(policy "block"\): db\/002\.sql:1\n/);
      const acked = commit(dev, 'note\n\nData-Contract-Ack: orders_pg');
      if (process.env.DCR_SHOW) console.log(acked.out);
      expect(acked.code, acked.out).toBe(0);
      expect(acked.out).not.toContain('✖');
      expect(acked.out).toContain('✔ dcr: acknowledged with Data-Contract-Ack: orders_pg (db/002.sql:1)');
    });
  });

  it('a misspelt job id is reported with a did-you-mean and acknowledges nothing', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      const typo = commit(dev, 'note\n\nData-Contract-Ack: order_pg');
      if (process.env.DCR_SHOW) console.log(typo.out);
      expect(typo.code).not.toBe(0);
      expect(typo.out).toContain('`Data-Contract-Ack: order_pg` names no known contract');
      expect(typo.out).toContain('did you mean `orders_pg`?');
      // Skipped locally: pre-push and the server say the same, naming the commit.
      expect(commit(dev, 'note\n\nData-Contract-Ack: order_pg', { DCR_SKIP: '1' }).code).toBe(0);
      const id = dev.git('rev-parse', 'HEAD').trim().slice(0, 10);
      const push = dev.run(['push', '--no-verify', 'origin', 'main']);
      expect(push.code).not.toBe(0);
      expect(push.out).toMatch(new RegExp(`remote: .*order_pg\` \\(commit ${id}\\) names no known contract`));
      expect(push.out).toMatch(/remote: .*did you mean `orders_pg`\?/);
    });
  });

  it('a late unacknowledged change is not covered by an earlier acknowledgement', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      expect(commit(dev, 'add note\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      const early = dev.git('rev-parse', 'HEAD').trim();
      dev.write('db/003.sql', 'ALTER TABLE orders DROP COLUMN id;\n');
      expect(commit(dev, 'drop id', { DCR_SKIP: '1' }).code).toBe(0);
      const late = dev.git('rev-parse', 'HEAD').trim();

      const prePush = dev.run(['push', 'origin', 'main']);
      if (process.env.DCR_SHOW) console.log(prePush.out);
      expect(prePush.code).not.toBe(0);
      expect(prePush.out).toContain(
        `db/003.sql:1  drop-column id public.orders  (commit ${late.slice(0, 10)})`,
      );
      expect(prePush.out).toContain('DCR-B108');
      expect(prePush.out).toContain(`acknowledged by commit ${early.slice(0, 10)}`);
      expect(prePush.out).toMatch(
        new RegExp(
          `commits to reword.*\\n  ${late.slice(0, 10)}  drop id\\n      Data-Contract-Ack: orders_pg\\n`,
        ),
      );
      expect(prePush.out).toContain('git commit --amend');

      const server = dev.run(['push', '--no-verify', 'origin', 'main']);
      if (process.env.DCR_SHOW) console.log(server.out);
      expect(server.code).not.toBe(0);
      expect(server.out).toMatch(/remote: .*db\/003\.sql:1/);
      expect(server.out).toMatch(/remote: .*local hooks \(commit-msg, pre-push\) would have asked for/);

      const ci = dev.dcr(['check', '--base', 'origin/main', '--format', 'json']);
      expect(ci.code).toBe(1);
      const json = JSON.parse(ci.out) as { findings: Record<string, unknown>[]; reword: unknown };
      expect(json.findings).toEqual([
        expect.objectContaining({
          file: 'db/002.sql',
          commit: early,
          acknowledged: true,
          acknowledgedBy: early,
        }),
        expect.not.objectContaining({ acknowledged: true }),
      ]);
      expect(json.findings[1]).toMatchObject({ file: 'db/003.sql', commit: late });
      expect(json.reword).toMatchObject({
        commits: [{ commit: late, subject: 'drop id', contracts: ['orders_pg'] }],
      });

      // A later commit acknowledges what its ancestors changed.
      expect(dev.run(['commit', '--allow-empty', '-m', 'ack\n\nData-Contract-Ack: orders_pg']).code).toBe(0);
      const fixed = dev.run(['push', 'origin', 'main']);
      expect(fixed.code, fixed.out).toBe(0);
    });
  });

  it('an amend that drops the trailer is judged against its parent: pre-push and CI catch it', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.git('checkout', '-q', '-b', 'feature');
      dev.write('db/002.sql', 'ALTER TABLE orders ADD COLUMN note text;\n');
      expect(commit(dev, 'note\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      dev.write('README.md', 'shop, with notes\n');
      expect(commit(dev, 'readme').code).toBe(0);
      dev.git('checkout', '-q', 'HEAD~1');
      // commit-msg cannot tell an amend from a new commit; it lets this through.
      expect(dev.run(['commit', '--amend', '-m', 'note, reworded']).code).toBe(0);
      const amended = dev.git('rev-parse', 'HEAD').trim();
      dev.git('checkout', '-q', 'feature');
      dev.git('rebase', '-q', '--onto', amended, 'HEAD~1');
      const push = dev.run(['push', 'origin', 'feature']);
      if (process.env.DCR_SHOW) console.log(push.out);
      expect(push.code).not.toBe(0);
      expect(push.out).toContain(`${amended.slice(0, 10)}  note, reworded`);
      expect(push.out).toContain(
        `git rebase -i ${dev.git('rev-parse', 'origin/main').trim().slice(0, 10)}\``,
      );
      const ci = dev.dcr(['check', '--base', 'origin/main'], { CI: 'true' });
      expect(ci.code).toBe(1);
      expect(ci.out).toContain('these commits reached CI without an acknowledgement');
      // The same command in a terminal: no CI is claimed.
      const local = dev.dcr(['check', '--base', 'origin/main'], { CI: '', GITHUB_ACTIONS: '' });
      expect(local.code).toBe(1);
      expect(local.out).not.toContain('reached CI');
      expect(local.out).toContain('these commits have no acknowledgement');
    });
  });
});
