import { describe, expect, it } from 'vitest';
import { withTemp } from './git-repo.js';
import { commit, makeTeam } from './team-git.js';

const ADD = 'ALTER TABLE orders ADD COLUMN note text;\n';

// Every step goes through the shipped hooks (pre-commit, commit-msg, pre-push) and the server's
// pre-receive hook, as a team's daily Git would.
describe('merges through the hooks', { timeout: 600_000 }, () => {
  it('git pull with a merge commit passes when every commit acknowledges its own change', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const alice = team.clone('alice');
      const bob = team.clone('bob');
      alice.write('db/002.sql', ADD);
      expect(commit(alice, 'note on orders\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      const pushed = alice.run(['push', 'origin', 'main']);
      expect(pushed.code, pushed.out).toBe(0);

      bob.write('db/003.sql', 'ALTER TABLE items ADD COLUMN size int;\n');
      expect(commit(bob, 'size of items\n\nData-Contract-Ack: items_pg').code).toBe(0);
      const pull = bob.run(['pull', '--no-rebase', '--no-edit', 'origin', 'main']);
      expect(pull.code, pull.out).toBe(0);
      expect(bob.git('rev-list', '--parents', '-1', 'HEAD').trim().split(' ')).toHaveLength(3);
      expect(pull.out).not.toContain('blocked');
      const push = bob.run(['push', 'origin', 'main']);
      expect(push.code, push.out).toBe(0);
      expect(push.out).not.toContain('blocked');
    });
  });

  it('a merge of an acknowledged branch passes; an evil merge is judged on what it adds', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.git('checkout', '-q', '-b', 'feature');
      dev.write('db/002.sql', ADD);
      expect(commit(dev, 'note on orders\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      dev.git('checkout', '-q', 'main');
      dev.write('README.md', 'shop, v2\n');
      expect(commit(dev, 'readme').code).toBe(0);
      const merged = dev.run(['merge', '--no-edit', 'feature']);
      expect(merged.code, merged.out).toBe(0);
      expect(merged.out).not.toContain('blocked');
      const push = dev.run(['push', 'origin', 'main', 'feature']);
      expect(push.code, push.out).toBe(0);

      // An evil merge: the merge commit itself adds a change that neither parent has.
      dev.git('checkout', '-q', '-b', 'other', 'origin/main~1');
      dev.write('docs.txt', 'x\n');
      expect(commit(dev, 'docs').code).toBe(0);
      dev.git('checkout', '-q', 'main');
      dev.git('merge', '-q', '--no-commit', 'other');
      dev.write('db/004.sql', 'ALTER TABLE orders DROP COLUMN note;\n');
      dev.git('add', '-A');
      const evil = dev.run(['commit', '--no-edit']);
      expect(evil.code).not.toBe(0);
      expect(evil.out).toContain('db/004.sql:1');
      expect(evil.out).not.toContain('db/002.sql');
      // Skipped locally, the merge is caught by pre-push, then by the server.
      expect(dev.run(['commit', '--no-edit'], { DCR_SKIP: '1' }).code).toBe(0);
      const mergeId = dev.git('rev-parse', 'HEAD').trim();
      const prePush = dev.run(['push', 'origin', 'main']);
      expect(prePush.code).not.toBe(0);
      expect(prePush.out).toContain(`commit ${mergeId.slice(0, 10)}`);
      expect(prePush.out).toContain('git commit --amend');
      const server = dev.run(['push', '--no-verify', 'origin', 'main']);
      expect(server.code).not.toBe(0);
      expect(server.out).toMatch(/remote: .*db\/004\.sql:1/);
      expect(server.out).toMatch(/remote: .*local hooks/);
      expect(server.out).not.toMatch(/remote: .*db\/002\.sql/);
    });
  });

  it('an octopus merge of acknowledged branches passes; it is judged on what it adds', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.git('checkout', '-q', '-b', 'one');
      dev.write('db/002.sql', ADD);
      expect(commit(dev, 'orders\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      dev.git('checkout', '-q', '-b', 'two', 'main');
      dev.write('db/003.sql', 'ALTER TABLE items ADD COLUMN size int;\n');
      expect(commit(dev, 'items\n\nData-Contract-Ack: items_pg').code).toBe(0);
      dev.git('checkout', '-q', 'main');
      dev.write('README.md', 'shop, v2\n');
      expect(commit(dev, 'readme').code).toBe(0);
      const merged = dev.run(['merge', '--no-edit', 'one', 'two']);
      expect(merged.code, merged.out).toBe(0);
      expect(dev.git('rev-list', '--parents', '-1', 'HEAD').trim().split(' ')).toHaveLength(4);
      const push = dev.run(['push', 'origin', 'main']);
      expect(push.code, push.out).toBe(0);
      const ci = dev.dcr(['check', '--base', 'HEAD~1', '--format', 'json']);
      expect(ci.code, ci.out).toBe(0);
      const json = JSON.parse(ci.out) as { findings: { commit: string; acknowledgedBy: string }[] };
      expect(json.findings.map((f) => f.commit === f.acknowledgedBy)).toEqual([true, true]);
    });
  });

  it('a squash merge is one commit: it needs its own acknowledgement', async () => {
    await withTemp(async (root) => {
      const team = makeTeam(root);
      const dev = team.clone('dev');
      dev.git('checkout', '-q', '-b', 'feature');
      dev.write('db/002.sql', ADD);
      expect(commit(dev, 'orders\n\nData-Contract-Ack: orders_pg').code).toBe(0);
      dev.git('checkout', '-q', 'main');
      dev.git('merge', '-q', '--squash', 'feature');
      const bare = dev.run(['commit', '-m', 'feature, squashed']);
      expect(bare.code).not.toBe(0);
      expect(bare.out).toContain('Data-Contract-Ack: orders_pg');
      const acked = dev.run(['commit', '-m', 'feature, squashed\n\nData-Contract-Ack: orders_pg']);
      expect(acked.code, acked.out).toBe(0);
      const push = dev.run(['push', 'origin', 'main']);
      expect(push.code, push.out).toBe(0);
    });
  });
});
