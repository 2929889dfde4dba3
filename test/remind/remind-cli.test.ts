import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractYaml, tempRepo, type TempRepo } from '../stale/helpers.js';
import { dcr, killOnMessage } from './run-dcr.js';
import { closedPort, startSmtp } from './smtp.js';

const NOW = '2026-06-01';

/** Five stale contracts: s1..s5 own one each; data@ ingests all five. */
function staleRepo(extraConfig = ''): TempRepo {
  const repo = tempRepo();
  repo.write(
    'dcr.config.yaml',
    `reminders:\n  from: dcr@example.com\n  smtp: { maxConnections: 1, retries: 1, retryDelayMs: 1, greetingTimeoutMs: 500 }\n${extraConfig}`,
  );
  for (let i = 1; i <= 5; i++)
    repo.write(
      `contracts/job${i}.yaml`,
      contractYaml(`job${i}`, { source: `s${i}@example.com`, ingestion: 'data@example.com' }),
    );
  repo.commit('contracts', '2025-01-01T00:00:00Z');
  return repo;
}

const byPerson = (received: { to: string[] }[]) => {
  const counts = new Map<string, number>();
  for (const m of received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return Object.fromEntries([...counts].sort());
};

// Several dcr runs per test on a shared machine: a generous limit, not a speed check.
describe('dcr remind (built CLI, real SMTP server on loopback)', { timeout: 300_000 }, () => {
  it('sends each person exactly one digest, then nothing within the interval', async () => {
    const repo = staleRepo();
    const smtp = await startSmtp();
    try {
      const r = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], { DCR_SMTP_URL: smtp.url });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json.summary).toMatchObject({ sent: 6, failed: 0, skipped: 0 });
      expect(json.transport).toEqual({ kind: 'smtp', target: smtp.url });
      expect(byPerson(smtp.received)).toEqual({
        'data@example.com': 1,
        's1@example.com': 1,
        's2@example.com': 1,
        's3@example.com': 1,
        's4@example.com': 1,
        's5@example.com': 1,
      });
      const data = smtp.received.find((m) => m.to[0] === 'data@example.com')!;
      expect(data.subject).toBe('Please review 5 data contracts not updated for 6 months or more');
      expect(data.text).toContain('job3 (you are ingestion owner): last updated 2025-01-01, 516 days ago');
      expect(data.text).toContain('set `reviewed_at: 2026-06-01`');
      expect(data.html).toContain('<code>reviewed_at: 2026-06-01</code>');
      expect(data.messageId).toMatch(/^<dcr-remind\.[0-9a-f]{32}@example\.com>$/);
      const s1 = smtp.received.find((m) => m.to[0] === 's1@example.com')!;
      expect(s1.subject).toBe('Please review data contract job1: not updated since 2025-01-01');

      const again = await dcr(repo.dir, ['remind', '--now', '2026-06-10', '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      expect(JSON.parse(again.stdout).summary).toMatchObject({ sent: 0, skipped: 6 });
      expect(smtp.received).toHaveLength(6);

      // After the interval, and after a contract changes, people hear again.
      repo.write(
        'contracts/job1.yaml',
        contractYaml('job1', {
          source: 's1@example.com',
          ingestion: 'data@example.com',
          lines: ['reviewed_at: 2025-02-01'],
        }),
      );
      repo.commit('touch job1 but keep it stale', '2025-02-01T00:00:00Z');
      const changed = await dcr(repo.dir, ['remind', '--now', '2026-06-10', '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      const people = JSON.parse(changed.stdout).people as {
        email: string;
        status: string;
        contracts: string[];
      }[];
      expect(people.filter((p) => p.status === 'sent')).toEqual([
        expect.objectContaining({ email: 'data@example.com', contracts: ['job1'] }),
        expect.objectContaining({ email: 's1@example.com', contracts: ['job1'] }),
      ]);
      // 06-20: 19 days after the first digests, 10 after job1's: data@ hears about job2..job5 only, s1 not at all.
      const later = JSON.parse(
        (
          await dcr(repo.dir, ['remind', '--now', '2026-06-20', '--format', 'json'], {
            DCR_SMTP_URL: smtp.url,
          })
        ).stdout,
      );
      expect(later.summary).toMatchObject({ sent: 5, skipped: 1 });
      expect(later.people[0]).toMatchObject({
        email: 'data@example.com',
        status: 'sent',
        contracts: ['job2', 'job3', 'job4', 'job5'],
      });
      expect(later.people[1]).toMatchObject({
        email: 's1@example.com',
        status: 'skipped',
        nextAt: '2026-06-24T00:00:00.000Z',
      });
    } finally {
      await smtp.close();
      repo.cleanup();
    }
  });

  it('resumes a killed run without resending, and leaves the interrupted digest alone', async () => {
    const repo = staleRepo();
    // The third message arrives: dcr is killed before it is answered, as a crash mid-send would.
    const kill = killOnMessage(3);
    const smtp = await startSmtp(kill.behaviour);
    try {
      const killed = await dcr(repo.dir, ['remind', '--now', NOW], { DCR_SMTP_URL: smtp.url }, kill.onSpawn);
      expect(killed.code).toBeNull();
      expect(byPerson(smtp.received)).toEqual({ 'data@example.com': 1, 's1@example.com': 1 });
      expect(existsSync(join(repo.dir, '.dcr/reminders.json.journal'))).toBe(true);

      const resumed = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      const json = JSON.parse(resumed.stdout);
      expect(json.summary).toMatchObject({ sent: 3, skipped: 3, failed: 0 });
      expect(json.people.find((p: { email: string }) => p.email === 's2@example.com')).toMatchObject({
        status: 'skipped',
        reason: expect.stringContaining('interrupted'),
      });
      expect(byPerson(smtp.received)).toEqual({
        'data@example.com': 1,
        's1@example.com': 1,
        's3@example.com': 1,
        's4@example.com': 1,
        's5@example.com': 1,
      });

      const forced = await dcr(repo.dir, ['remind', '--now', NOW, '--resend-uncertain', '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      expect(JSON.parse(forced.stdout).summary).toMatchObject({ sent: 1 });
      expect(Object.values(byPerson(smtp.received))).toEqual([1, 1, 1, 1, 1, 1]);
    } finally {
      await smtp.close();
      repo.cleanup();
    }
  });

  it('reports 550 per recipient with exit 1 and tries them again next run', async () => {
    const repo = staleRepo();
    const smtp = await startSmtp((_n, raw) => (/^To: s2@example\.com/m.test(raw) ? 550 : 'accept'));
    try {
      const r = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], { DCR_SMTP_URL: smtp.url });
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(json.summary).toMatchObject({ sent: 5, failed: 1 });
      expect(json.people.find((p: { email: string }) => p.email === 's2@example.com')).toMatchObject({
        status: 'failed',
        attempts: 1,
        reason: expect.stringMatching(/^refused: .*550/),
      });
      const next = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      expect(JSON.parse(next.stdout).summary).toMatchObject({ sent: 0, failed: 1, skipped: 5 });
    } finally {
      await smtp.close();
      repo.cleanup();
    }
  });

  it('exits 1 when the SMTP server is down, and records nothing as sent', async () => {
    const repo = staleRepo();
    try {
      const r = await dcr(repo.dir, ['remind', '--now', NOW], { DCR_SMTP_URL: await closedPort() });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /FAILED\s+data@example\.com: job1, job2, job3, job4, job5\n\s+gave up after temporary failures: .*ECONNREFUSED/,
      );
      expect(r.stdout).toContain('0 sent, 0 skipped, 6 failed');
      const state = JSON.parse(readFileSync(join(repo.dir, '.dcr/reminders.json'), 'utf8'));
      expect(
        Object.values(state.people).every(
          (p) => Object.keys((p as { reminded: object }).reminded).length === 0,
        ),
      ).toBe(true);
    } finally {
      repo.cleanup();
    }
  });

  it('never prints the SMTP password, from --smtp or the environment', async () => {
    const repo = staleRepo();
    try {
      const url = (await closedPort()).replace('smtp://', 'smtp://bob:s3cret-pw@');
      const r = await dcr(repo.dir, ['remind', '--now', NOW, '--smtp', url, '--format', 'json'], {
        DCR_SMTP_PASSWORD: 'env-s3cret',
      });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).transport.target).toMatch(/^smtp:\/\/bob:\*\*\*@127\.0\.0\.1:\d+$/);
      expect(r.stdout + r.stderr).not.toMatch(/s3cret/);
      const text = await dcr(repo.dir, ['remind', '--now', NOW, '--debug'], { DCR_SMTP_URL: url });
      expect(text.stdout + text.stderr).not.toMatch(/s3cret/);
    } finally {
      repo.cleanup();
    }
  });

  it('writes .eml files to the outbox by default, says where, and --dry-run writes nothing', async () => {
    const repo = staleRepo();
    try {
      const dry = await dcr(repo.dir, ['remind', '--now', NOW, '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/would send\s+data@example\.com: job1, job2, job3, job4, job5/);
      expect(existsSync(join(repo.dir, '.dcr'))).toBe(false);
      const r = await dcr(repo.dir, ['remind', '--now', NOW]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`.eml files into ${join(repo.dir, '.dcr/outbox')}`);
      const files = readdirSync(join(repo.dir, '.dcr/outbox'));
      expect(files).toHaveLength(6);
      expect(
        readFileSync(
          join(
            repo.dir,
            '.dcr/outbox',
            files.find((f) => f.startsWith('s3@'))!,
          ),
          'utf8',
        ),
      ).toMatch(/^To: s3@example\.com$/m);
    } finally {
      repo.cleanup();
    }
  });

  it('an outbox run is a rehearsal: it says written, records nothing, and the first SMTP run sends every digest', async () => {
    const repo = staleRepo();
    const smtp = await startSmtp();
    const state = join(repo.dir, '.dcr/reminders.json');
    try {
      const rehearsal = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json']);
      expect(rehearsal.stderr).toBe('');
      expect(rehearsal.code).toBe(0);
      const json = JSON.parse(rehearsal.stdout);
      expect(json.transport).toEqual({ kind: 'outbox', target: join(repo.dir, '.dcr/outbox') });
      expect(json.summary).toMatchObject({ written: 6, sent: 0, skipped: 0, failed: 0 });
      for (const p of json.people as { status: string; file: string }[]) {
        expect(p.status).toBe('written');
        expect(existsSync(p.file)).toBe(true);
      }
      expect(existsSync(state)).toBe(false);

      const text = await dcr(repo.dir, ['remind', '--now', NOW]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^written\s+data@example\.com: job1, job2, job3, job4, job5$/m);
      expect(text.stdout).not.toMatch(/^sent\b/m);
      expect(text.stdout).toContain(
        '5 stale contract(s): 6 written to the outbox (none sent), 0 skipped, 0 failed',
      );
      expect(text.stdout).toContain('This was a rehearsal');
      expect(existsSync(state)).toBe(false);

      const real = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], {
        DCR_SMTP_URL: smtp.url,
      });
      expect(real.code).toBe(0);
      expect(JSON.parse(real.stdout).summary).toMatchObject({ sent: 6, written: 0, skipped: 0 });
      expect(byPerson(smtp.received)).toEqual({
        'data@example.com': 1,
        's1@example.com': 1,
        's2@example.com': 1,
        's3@example.com': 1,
        's4@example.com': 1,
        's5@example.com': 1,
      });
      // The messages the rehearsal wrote are the ones that went out.
      expect(smtp.received.map((m) => m.messageId).sort()).toEqual(
        (json.people as { messageId: string }[]).map((p) => p.messageId).sort(),
      );

      // A rehearsal after real sends picks whom a real run would (nobody yet) and leaves the state alone.
      const recorded = readFileSync(state, 'utf8');
      const after = await dcr(repo.dir, ['remind', '--now', '2026-06-10', '--format', 'json']);
      expect(JSON.parse(after.stdout).summary).toMatchObject({ written: 0, skipped: 6 });
      expect(readFileSync(state, 'utf8')).toBe(recorded);
      expect(existsSync(`${state}.journal`)).toBe(false);
    } finally {
      await smtp.close();
      repo.cleanup();
    }
  });

  it('never emails owner fields crafted for header injection: validation refuses them first', async () => {
    const repo = tempRepo();
    const smtp = await startSmtp();
    try {
      repo.write('dcr.config.yaml', 'reminders:\n  from: dcr@example.com\n');
      repo.write('contracts/ok.yaml', contractYaml('ok', { source: 'ok@example.com' }));
      repo.write(
        'contracts/evil1.yaml',
        contractYaml('evil1', { source: '"victim@example.com\\r\\nBcc: spy@evil.com"' }),
      );
      repo.write(
        'contracts/evil2.yaml',
        contractYaml('evil2', { source: '"victim@example.com, spy@evil.com"' }),
      );
      repo.write('contracts/evil3.yaml', contractYaml('evil3', { source: '"Boss <spy@evil.com>"' }));
      repo.commit('contracts', '2025-01-01T00:00:00Z');
      const r = await dcr(repo.dir, ['remind', '--now', NOW, '--format', 'json'], { DCR_SMTP_URL: smtp.url });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('3 contract file(s) have validation errors; their owners are not emailed');
      expect(JSON.parse(r.stdout).invalid).toEqual([
        'contracts/evil1.yaml',
        'contracts/evil2.yaml',
        'contracts/evil3.yaml',
      ]);
      expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['ing@example.com', 'ok@example.com']);
      expect(smtp.received.some((m) => /evil|victim/.test(m.raw))).toBe(false);
    } finally {
      await smtp.close();
      repo.cleanup();
    }
  });
});
