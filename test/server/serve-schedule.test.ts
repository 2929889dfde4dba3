import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DCR, REPO } from '../helpers/paths.js';
import { runDcr } from '../helpers/run-dcr.js';

describe('dcr serve --schedule', () => {
  it('refuses a malformed cron expression before starting, with exit 2', () => {
    const r = runDcr(['serve', '--port', '0', '--schedule', '61 * * * *'], { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dcr: error:');
    expect(r.stderr).toMatch(/minute/);
    expect(r.stdout).toBe('');
  });

  it('starts the server and says when the reminders run next', async () => {
    const child = spawn(
      process.execPath,
      [DCR, 'serve', '--port', '0', '--no-watch', '--schedule', '0 8 * * 1'],
      {
        cwd: REPO,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (/reminders scheduled/.test(stderr) && /http:\/\/127\.0\.0\.1:\d+/.test(stdout)) {
            clearInterval(timer);
            resolve();
          }
        }, 50);
        child.on('exit', (code) => {
          clearInterval(timer);
          reject(new Error(`serve exited ${code}: ${stderr}`));
        });
      });
      const next = /next run (\S+)/.exec(stderr)?.[1];
      expect(next).toBeDefined();
      const when = new Date(next!);
      expect(when.getUTCDay()).toBe(1);
      expect(when.getUTCHours()).toBe(8);
      expect(when.getUTCMinutes()).toBe(0);
      expect(when.getTime()).toBeGreaterThan(Date.now());
    } finally {
      child.kill('SIGTERM');
    }
  });
});
