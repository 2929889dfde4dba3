import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byPerson, staleOrigin, type Origin } from './git-origin.js';
import { dcr, killOnMessage } from './run-dcr.js';
import { startSmtp, type Behaviour } from './smtp.js';

const NOW = '2026-06-01';
const GIT_STATE = ['--state', 'git:refs/dcr/reminders', '--state-remote', 'origin'];
const ALL_ONCE = {
  'data@example.com': 1,
  's1@example.com': 1,
  's2@example.com': 1,
  's3@example.com': 1,
  's4@example.com': 1,
  's5@example.com': 1,
};

/** The state on the origin's ref, parsed. */
const originState = (origin: Origin) =>
  JSON.parse(origin.git(origin.bare, ['show', 'refs/dcr/reminders:reminders.json'])) as {
    people: Record<string, { reminded: Record<string, { at: string }>; pending?: unknown }>;
  };

const remindedAbout = (origin: Origin) =>
  Object.fromEntries(
    Object.entries(originState(origin).people).map(([p, s]) => [p, Object.keys(s.reminded)]),
  );

// Many git and dcr processes per test on a shared machine: a generous limit, not a speed check.
describe(
  'dcr remind --state git:<ref> (real repositories, a bare origin, real SMTP on loopback)',
  { timeout: 300_000 },
  () => {
    it('two runners that start empty send each digest exactly once, and leave work tree, index and HEAD alone', async () => {
      const origin = staleOrigin();
      const smtp = await startSmtp();
      try {
        const a = origin.clone();
        const head = origin.git(a, ['rev-parse', 'HEAD']);
        const first = await dcr(a, ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        const json = JSON.parse(first.stdout);
        expect(json).toMatchObject({ state: 'git:refs/dcr/reminders', stateRemote: 'origin' });
        expect(json.summary).toMatchObject({ sent: 6, failed: 0 });
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        expect(origin.git(a, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
        expect(origin.git(a, ['rev-parse', 'HEAD'])).toBe(head);
        expect(origin.git(a, ['for-each-ref', '--format=%(refname)', 'refs/heads'])).toBe(
          'refs/heads/main\n',
        );
        expect(remindedAbout(origin)['data@example.com']).toEqual(['job1', 'job2', 'job3', 'job4', 'job5']);

        const b = origin.clone();
        const second = await dcr(b, ['remind', '--now', '2026-06-08', ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(second.code).toBe(0);
        expect(JSON.parse(second.stdout).summary).toMatchObject({ sent: 0, skipped: 6 });
        expect(smtp.received).toHaveLength(6);
        // Nothing changed: no new state commit.
        expect(origin.git(b, ['rev-parse', 'refs/dcr/reminders'])).toBe(
          origin.git(origin.bare, ['rev-parse', 'refs/dcr/reminders']),
        );

        // The same settings from the config file.
        const c = origin.clone();
        const config = join(c, 'dcr.config.yaml');
        writeFileSync(
          config,
          readFileSync(config, 'utf8') + '  state: git:refs/dcr/reminders\n  stateRemote: origin\n',
        );
        const viaConfig = await dcr(c, ['remind', '--now', '2026-06-08', '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(JSON.parse(viaConfig.stdout)).toMatchObject({
          state: 'git:refs/dcr/reminders',
          stateRemote: 'origin',
          summary: { sent: 0, skipped: 6 },
        });
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('with a pool of connections, every mark is saved before its message and the state is complete', async () => {
      const origin = staleOrigin();
      const seen: string[] = [];
      // Each message that arrives must already be marked `sending` (or sent) on origin.
      const smtp = await startSmtp((_n, raw) => {
        const to = /^To: (.+)$/m.exec(raw)![1]!.trim();
        const person = originState(origin).people[to];
        if (person?.pending || Object.keys(person?.reminded ?? {}).length) seen.push(to);
        return 'accept';
      });
      try {
        const dir = origin.clone();
        const config = join(dir, 'dcr.config.yaml');
        writeFileSync(config, readFileSync(config, 'utf8').replace('maxConnections: 1', 'maxConnections: 3'));
        const r = await dcr(dir, ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(r.code).toBe(0);
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        expect(seen.sort()).toEqual(Object.keys(ALL_ONCE));
        const state = originState(origin);
        expect(Object.keys(state.people)).toEqual(Object.keys(ALL_ONCE));
        expect(Object.values(state.people).some((p) => p.pending)).toBe(false);
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('a killed run, then a run from a fresh clone: nothing is sent twice', async () => {
      const origin = staleOrigin();
      // The third message arrives: dcr is killed before it is answered, as a crash mid-send would.
      const kill = killOnMessage(3);
      const smtp = await startSmtp(kill.behaviour);
      try {
        const killed = await dcr(
          origin.clone(),
          ['remind', '--now', NOW, ...GIT_STATE],
          { DCR_SMTP_URL: smtp.url },
          kill.onSpawn,
        );
        expect(killed.code).toBeNull();
        expect(byPerson(smtp.received)).toEqual({ 'data@example.com': 1, 's1@example.com': 1 });

        const fresh = await dcr(origin.clone(), ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        // The digest handed to the server has an unknown outcome: never resent by itself, and the
        // run says so with a non-zero exit and the command that resolves it.
        expect(fresh.code).toBe(1);
        expect(fresh.stderr).toContain('dcr remind --resolve-uncertain sent');
        const json = JSON.parse(fresh.stdout);
        expect(json.summary).toMatchObject({ sent: 3, skipped: 3, failed: 0 });
        expect(json.outstanding).toEqual([
          expect.objectContaining({ email: 's2@example.com', contracts: ['job2'] }),
        ]);
        expect(json.people.find((p: { email: string }) => p.email === 's2@example.com')).toMatchObject({
          status: 'skipped',
          reason: expect.stringContaining('interrupted'),
        });
        expect(byPerson(smtp.received)).toEqual({ ...ALL_ONCE, 's2@example.com': undefined });
        expect(originState(origin).people['s2@example.com']!.pending).toMatchObject({ state: 'uncertain' });

        // Resolved from yet another clone: sent again once, and the runs are clean from then on.
        const resent = await dcr(
          origin.clone(),
          ['remind', '--now', NOW, ...GIT_STATE, '--resolve-uncertain', 'resend', '--format', 'json'],
          { DCR_SMTP_URL: smtp.url },
        );
        expect(resent.code).toBe(0);
        expect(JSON.parse(resent.stdout)).toMatchObject({ summary: { sent: 1 }, outstanding: [] });
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        expect(originState(origin).people['s2@example.com']!.pending).toBeUndefined();
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('a killed run resumes from its own clone without the network (local ref, no remote)', async () => {
      const origin = staleOrigin();
      // The third message arrives: dcr is killed before it is answered, as a crash mid-send would.
      const kill = killOnMessage(3);
      const smtp = await startSmtp(kill.behaviour);
      try {
        const dir = origin.clone();
        const local = ['--state', 'git:refs/dcr/reminders'];
        await dcr(dir, ['remind', '--now', NOW, ...local], { DCR_SMTP_URL: smtp.url }, kill.onSpawn);
        const resumed = await dcr(dir, ['remind', '--now', NOW, ...local, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(resumed.code).toBe(1);
        expect(resumed.stderr).toContain('--resolve-uncertain');
        expect(JSON.parse(resumed.stdout).summary).toMatchObject({ sent: 3, skipped: 3 });
        expect(byPerson(smtp.received)).toEqual({ ...ALL_ONCE, 's2@example.com': undefined });
        // The owner says it arrived: recorded as delivered, nothing sent, exit 0 from then on.
        const resolved = await dcr(dir, ['remind', '--now', NOW, ...local, '--resolve-uncertain', 'sent'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(resolved.code).toBe(0);
        expect(resolved.stdout).toContain('1 uncertain digest(s) recorded as delivered');
        expect(smtp.received).toHaveLength(5);
        const state = JSON.parse(origin.git(dir, ['show', 'refs/dcr/reminders:reminders.json']));
        expect(Object.keys(state.people['s2@example.com'].reminded)).toEqual(['job2']);
        expect(state.people['s2@example.com'].pending).toBeUndefined();
        // Never pushed: no remote was named.
        expect(origin.git(origin.bare, ['for-each-ref', 'refs/dcr'])).toBe('');
        expect(existsSync(join(dir, '.git/dcr-state/refs/dcr/reminders/reminders.json'))).toBe(false);
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('merges when another runner moved the ref between fetch and push, keeping both states', async () => {
      const origin = staleOrigin();
      // While the first message is on the wire, "another runner" commits its own state on origin.
      const behaviour: Behaviour = (n) => {
        if (n === 1) {
          const theirs = JSON.stringify({
            version: 1,
            people: {
              'other@example.com': {
                reminded: {
                  jobx: { at: '2026-05-31T00:00:00.000Z', lastUpdated: '2025-01-01', messageId: '<x>' },
                },
              },
              // It also reminded s5 about job5, which this run planned too: this run must not send it again.
              's5@example.com': {
                reminded: {
                  job5: {
                    at: '2026-06-01T00:00:00.000Z',
                    lastUpdated: '2025-01-01T00:00:00.000Z',
                    messageId: '<y>',
                  },
                },
              },
            },
          });
          const blob = origin.git(origin.bare, ['hash-object', '-w', '--stdin'], theirs).trim();
          const tree = origin.git(origin.bare, ['mktree'], `100644 blob ${blob}\treminders.json\n`).trim();
          const parent = origin.git(origin.bare, ['rev-parse', 'refs/dcr/reminders']).trim();
          const commit = origin.git(origin.bare, [
            '-c',
            'user.name=other',
            '-c',
            'user.email=other@example.com',
            'commit-tree',
            tree,
            '-p',
            parent,
            '-m',
            'another runner',
          ]);
          origin.git(origin.bare, ['update-ref', 'refs/dcr/reminders', commit.trim(), parent]);
        }
        return 'accept';
      };
      const smtp = await startSmtp(behaviour);
      try {
        const r = await dcr(origin.clone(), ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(byPerson(smtp.received)).toEqual({ ...ALL_ONCE, 's5@example.com': undefined });
        expect(
          JSON.parse(r.stdout).people.find((p: { email: string }) => p.email === 's5@example.com'),
        ).toMatchObject({
          status: 'skipped',
          reason: 'another run reminded them about these contracts meanwhile',
        });
        const state = remindedAbout(origin);
        expect(state['other@example.com']).toEqual(['jobx']);
        expect(state['data@example.com']).toEqual(['job1', 'job2', 'job3', 'job4', 'job5']);
        expect(originState(origin).people['s5@example.com']).toEqual({
          reminded: { job5: expect.objectContaining({ messageId: '<y>' }) },
        });
        const log = origin.git(origin.bare, ['log', '--format=%s', 'refs/dcr/reminders']);
        expect(log).toContain('another runner');
        const merges = origin.git(origin.bare, ['rev-list', '--merges', 'refs/dcr/reminders']);
        expect(merges.trim().split('\n')).toHaveLength(1);
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('exits 2 saying the local ref holds the state when the push fails, and the next run pushes it', async () => {
      const origin = staleOrigin();
      const away = `${origin.bare}.away`;
      // After the first message, origin becomes unreachable.
      const smtp = await startSmtp((n) => {
        if (n === 1) renameSync(origin.bare, away);
        return 'accept';
      });
      try {
        const dir = origin.clone();
        const r = await dcr(dir, ['remind', '--now', NOW, ...GIT_STATE], { DCR_SMTP_URL: smtp.url });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('could not push the reminders state to origin');
        expect(r.stderr).toContain('the local ref refs/dcr/reminders holds it');
        expect(r.stdout).toMatch(/sent\s+data@example\.com/);
        expect(r.stdout).toMatch(/FAILED\s+s1@example\.com: job1\n\s+not sent: the state could not be saved/);
        expect(byPerson(smtp.received)).toEqual({ 'data@example.com': 1 });
        const local = origin.git(dir, ['show', 'refs/dcr/reminders:reminders.json']);
        expect(JSON.parse(local).people['data@example.com'].reminded.job1).toBeDefined();

        renameSync(away, origin.bare);
        const next = await dcr(dir, ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(next.code).toBe(0);
        expect(JSON.parse(next.stdout).summary).toMatchObject({ sent: 5, skipped: 1 });
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        expect(Object.keys(remindedAbout(origin)).sort()).toEqual(Object.keys(ALL_ONCE));
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('stops when another program moves the local ref, and the next run merges both', async () => {
      const origin = staleOrigin();
      const dir = origin.clone();
      const smtp = await startSmtp((n) => {
        if (n === 1) {
          const theirs =
            '{"version":1,"people":{"other@example.com":{"reminded":{"jobx":{"at":"2026-05-31T00:00:00.000Z","lastUpdated":"2025-01-01","messageId":"<x>"}}}}}';
          const blob = origin.git(dir, ['hash-object', '-w', '--stdin'], theirs).trim();
          const tree = origin.git(dir, ['mktree'], `100644 blob ${blob}\treminders.json\n`).trim();
          const commit = origin
            .git(dir, [
              '-c',
              'user.name=x',
              '-c',
              'user.email=x@example.com',
              'commit-tree',
              tree,
              '-m',
              'someone else',
            ])
            .trim();
          origin.git(dir, ['update-ref', 'refs/dcr/reminders', commit]);
        }
        return 'accept';
      });
      try {
        const local = ['--state', 'git:refs/dcr/reminders'];
        const r = await dcr(dir, ['remind', '--now', NOW, ...local], { DCR_SMTP_URL: smtp.url });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('the local ref refs/dcr/reminders was changed by another program');
        expect(byPerson(smtp.received)).toEqual({ 'data@example.com': 1 });
        const next = await dcr(dir, ['remind', '--now', NOW, ...local, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(next.code).toBe(0);
        expect(JSON.parse(next.stdout).summary).toMatchObject({ sent: 5, skipped: 1 });
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        const state = JSON.parse(origin.git(dir, ['show', 'refs/dcr/reminders:reminders.json']));
        expect(Object.keys(state.people).sort()).toEqual(
          [...Object.keys(ALL_ONCE), 'other@example.com'].sort(),
        );
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('refuses a ref or remote that is not one (option injection), before anything is sent', async () => {
      const origin = staleOrigin();
      const smtp = await startSmtp();
      try {
        const dir = origin.clone();
        const cases: [string[], RegExp][] = [
          [['--state', 'git:--upload-pack=x'], /the ref must be a full ref name starting with refs\//],
          [['--state=git:--upload-pack=touch /tmp/pwned'], /must be a full ref name/],
          [['--state', 'git:refs/heads/main'], /must not be a branch/],
          [['--state', 'git:refs/dcr/a..b'], /not a valid ref name/],
          [['--state', 'git:refs/dcr/reminders', '--state-remote=--upload-pack=x'], /is not a remote name/],
          [['--state', 'git:refs/dcr/reminders', '--state-remote', 'nowhere'], /"nowhere" is not a remote/],
          [['--state', '.dcr/x.json', '--state-remote', 'origin'], /--state-remote .* needs a git state/],
        ];
        for (const [args, message] of cases) {
          const r = await dcr(dir, ['remind', '--now', NOW, ...args], { DCR_SMTP_URL: smtp.url });
          expect(r.code, args.join(' ')).toBe(2);
          expect(r.stderr).toMatch(message);
        }
        expect(smtp.attempts).toBe(0);
        expect(origin.git(dir, ['for-each-ref', 'refs/dcr'])).toBe('');
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('an outbox rehearsal leaves the ref alone; the first SMTP run then sends every digest', async () => {
      const origin = staleOrigin();
      const smtp = await startSmtp();
      try {
        const a = origin.clone();
        const rehearsal = await dcr(a, ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json']);
        expect(rehearsal.stderr).toBe('');
        expect(rehearsal.code).toBe(0);
        const json = JSON.parse(rehearsal.stdout);
        expect(json).toMatchObject({ state: 'git:refs/dcr/reminders', transport: { kind: 'outbox' } });
        expect(json.summary).toMatchObject({ written: 6, sent: 0 });
        expect((json.people as { status: string }[]).every((p) => p.status === 'written')).toBe(true);
        // Neither the origin's ref nor a local one, nor a working ledger in .git.
        expect(origin.git(origin.bare, ['for-each-ref', 'refs/dcr'])).toBe('');
        expect(origin.git(a, ['for-each-ref', 'refs/dcr'])).toBe('');
        expect(existsSync(join(a, '.git/dcr-state'))).toBe(false);

        const text = await dcr(a, ['remind', '--now', NOW, '--state', 'git:refs/dcr/reminders']);
        expect(text.stdout).toMatch(/^written\s+s1@example\.com: job1$/m);
        expect(text.stdout).not.toMatch(/^sent\b/m);
        expect(origin.git(a, ['for-each-ref', 'refs/dcr'])).toBe('');

        const real = await dcr(a, ['remind', '--now', NOW, ...GIT_STATE, '--format', 'json'], {
          DCR_SMTP_URL: smtp.url,
        });
        expect(real.code).toBe(0);
        expect(JSON.parse(real.stdout).summary).toMatchObject({ sent: 6, written: 0, skipped: 0 });
        expect(byPerson(smtp.received)).toEqual(ALL_ONCE);
        expect(remindedAbout(origin)['data@example.com']).toEqual(['job1', 'job2', 'job3', 'job4', 'job5']);

        // A rehearsal from a fresh clone after the real run: nobody is due, and the ref stays put.
        const tip = origin.git(origin.bare, ['rev-parse', 'refs/dcr/reminders']);
        const b = origin.clone();
        const after = await dcr(b, ['remind', '--now', '2026-06-08', ...GIT_STATE, '--format', 'json']);
        expect(JSON.parse(after.stdout).summary).toMatchObject({ written: 0, skipped: 6 });
        expect(origin.git(origin.bare, ['rev-parse', 'refs/dcr/reminders'])).toBe(tip);
        expect(origin.git(b, ['for-each-ref', 'refs/dcr'])).toBe('');
        expect(smtp.received).toHaveLength(6);
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });
  },
);
