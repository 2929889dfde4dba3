import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byPerson, staleOrigin, type Origin } from './git-origin.js';
import { dcr } from './run-dcr.js';
import { startSmtp } from './smtp.js';

const GIT_STATE = ['--state', 'git:refs/dcr/reminders', '--state-remote', 'origin'];
const EVERYONE = [
  'data@example.com',
  's1@example.com',
  's2@example.com',
  's3@example.com',
  's4@example.com',
  's5@example.com',
];
const ONCE = Object.fromEntries(EVERYONE.map((p) => [p, 1]));

interface State {
  people: Record<
    string,
    { reminded: Record<string, { at: string; messageId: string }>; pending?: Record<string, unknown> }
  >;
}
const originState = (origin: Origin): State =>
  JSON.parse(origin.git(origin.bare, ['show', 'refs/dcr/reminders:reminders.json'])) as State;

/**
 * A post-receive hook on the origin that kills the dcr whose pid is in `pidFile` (SIGKILL, no
 * clean-up) when push number `n` has landed: dcr is then waiting for that push to finish, so
 * the kill falls at a known point of its run.
 */
function killOnPush(origin: Origin, n: number): { pidFile: string } {
  const pidFile = join(origin.bare, 'dcr.pid');
  const counter = join(origin.bare, 'pushes');
  const hook = join(origin.bare, 'hooks', 'post-receive');
  writeFileSync(
    hook,
    `#!/bin/sh
n=$(cat '${counter}' 2>/dev/null || echo 0)
n=$((n + 1))
echo $n > '${counter}'
if [ "$n" = "${n}" ]; then kill -9 "$(cat '${pidFile}')"; fi
exit 0
`,
  );
  chmodSync(hook, 0o755);
  return { pidFile };
}

// Many git and dcr processes per test on a shared machine: a generous limit, not a speed check.
describe(
  'dcr remind exactly once (two clones, a bare origin holding the state ref, real SMTP)',
  { timeout: 300_000 },
  () => {
    it('runs from different clones truly in parallel never both send a digest, round after round', async () => {
      const origin = staleOrigin();
      const smtp = await startSmtp();
      try {
        const clones = [origin.clone(), origin.clone(), origin.clone()];
        for (const dir of clones) {
          // A pool of connections in each run, so claims of one run also race each other.
          const config = join(dir, 'dcr.config.yaml');
          writeFileSync(
            config,
            readFileSync(config, 'utf8').replace('maxConnections: 1', 'maxConnections: 2'),
          );
        }
        // Each round is a new interval (15 days apart): everyone is due again in every round.
        const rounds = ['2026-06-01', '2026-06-16', '2026-07-01'];
        let before = 0;
        for (const now of rounds) {
          const runs = await Promise.all(
            clones.map((dir) =>
              dcr(dir, ['remind', '--now', now, ...GIT_STATE, '--format', 'json'], {
                DCR_SMTP_URL: smtp.url,
              }),
            ),
          );
          const round = smtp.received.slice(before);
          before = smtp.received.length;
          expect(byPerson(round), `round ${now}`).toEqual(ONCE);
          for (const r of runs) {
            expect(r.code, r.stderr).toBe(0);
            expect(JSON.parse(r.stdout).outstanding).toEqual([]);
          }
          // Every person is reported sent by exactly one run; the others say why they did not send.
          const sentBy = EVERYONE.map(
            (p) =>
              runs.filter((r) =>
                (JSON.parse(r.stdout).people as { email: string; status: string }[]).some(
                  (x) => x.email === p && x.status === 'sent',
                ),
              ).length,
          );
          expect(sentBy).toEqual(EVERYONE.map(() => 1));
          const state = originState(origin);
          for (const p of EVERYONE) {
            expect(state.people[p]!.pending, p).toBeUndefined();
            expect(
              Object.values(state.people[p]!.reminded).every((r) => r.at.startsWith(now)),
              p,
            ).toBe(true);
          }
        }
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    }, 600_000); // nine runs of dcr on a shared machine: a generous limit, not a speed check

    it('a run killed after claiming a digest, before handing it over: a rerun from a fresh clone sends it', async () => {
      const origin = staleOrigin();
      // Push 1 is the claim of the first digest (data@): dcr dies as it lands, before any SMTP.
      const { pidFile } = killOnPush(origin, 1);
      const smtp = await startSmtp();
      try {
        const killed = await dcr(
          origin.clone(),
          ['remind', '--now', '2026-06-01', ...GIT_STATE],
          { DCR_SMTP_URL: smtp.url },
          (child) => writeFileSync(pidFile, String(child.pid)),
        );
        expect(killed.code).toBeNull();
        expect(smtp.attempts).toBe(0);
        expect(originState(origin).people['data@example.com']!.pending).toMatchObject({ state: 'claimed' });

        const rerun = await dcr(
          origin.clone(),
          ['remind', '--now', '2026-06-01', ...GIT_STATE, '--format', 'json'],
          {
            DCR_SMTP_URL: smtp.url,
          },
        );
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(JSON.parse(rerun.stdout)).toMatchObject({ summary: { sent: 6, skipped: 0 }, outstanding: [] });
        expect(byPerson(smtp.received)).toEqual(ONCE);
        expect(originState(origin).people['data@example.com']!.pending).toBeUndefined();
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });

    it('a run killed while waiting to retry a refused attempt: the digest is not uncertain, a rerun sends it', async () => {
      const origin = staleOrigin();
      // Push 1 claims data@, push 2 marks it uncertain (an attempt starts), the server answers 451,
      // push 3 claims it again before the back-off: dcr dies as that lands.
      const { pidFile } = killOnPush(origin, 3);
      const smtp = await startSmtp((n) => (n === 1 ? 451 : 'accept'));
      try {
        const killed = await dcr(
          origin.clone(),
          ['remind', '--now', '2026-06-01', ...GIT_STATE],
          { DCR_SMTP_URL: smtp.url },
          (child) => writeFileSync(pidFile, String(child.pid)),
        );
        expect(killed.code).toBeNull();
        expect(smtp.attempts).toBe(1);
        expect(smtp.received).toHaveLength(0);
        expect(originState(origin).people['data@example.com']!.pending).toMatchObject({ state: 'claimed' });

        const rerun = await dcr(
          origin.clone(),
          ['remind', '--now', '2026-06-01', ...GIT_STATE, '--format', 'json'],
          {
            DCR_SMTP_URL: smtp.url,
          },
        );
        expect(rerun.code, rerun.stderr).toBe(0);
        expect(JSON.parse(rerun.stdout).outstanding).toEqual([]);
        expect(byPerson(smtp.received)).toEqual(ONCE);
      } finally {
        await smtp.close();
        origin.cleanup();
      }
    });
  },
);
