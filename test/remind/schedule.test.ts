import { describe, expect, it } from 'vitest';
import { nextRun, parseCron, scheduleReminders } from '../../src/stale/schedule.js';

const next = (cron: string, after: string) => nextRun(parseCron(cron), new Date(after))?.toISOString();

describe('parseCron / nextRun (UTC)', () => {
  it('finds the next matching minute', () => {
    expect(next('0 8 * * 1', '2026-06-03T12:00:00Z')).toBe('2026-06-08T08:00:00.000Z'); // Wednesday -> Monday
    expect(next('0 8 * * mon', '2026-06-08T08:00:00Z')).toBe('2026-06-15T08:00:00.000Z'); // strictly after
    expect(next('*/15 * * * *', '2026-06-03T12:07:30Z')).toBe('2026-06-03T12:15:00.000Z');
    expect(next('30 6 1,15 * *', '2026-06-02T00:00:00Z')).toBe('2026-06-15T06:30:00.000Z');
    expect(next('0 0 29 feb *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(next('@weekly', '2026-06-03T00:00:00Z')).toBe('2026-06-07T00:00:00.000Z');
    expect(next('0 9 * * 7', '2026-06-03T00:00:00Z')).toBe('2026-06-07T09:00:00.000Z'); // 7 = Sunday
    // both day fields restricted: either matches (standard cron)
    expect(next('0 0 13 * fri', '2026-06-01T00:00:00Z')).toBe('2026-06-05T00:00:00.000Z');
    expect(next('0 0 31 2 *', '2026-01-01T00:00:00Z')).toBeUndefined();
  });

  it('refuses malformed schedules with a hint', () => {
    for (const bad of [
      '* * * *',
      '60 * * * *',
      '0 8 * * funday',
      '5-1 * * * *',
      '*/0 * * * *',
      '0 8 * * 1; rm -rf',
    ]) {
      expect(() => parseCron(bad), bad).toThrow(/is not a cron schedule/);
    }
  });
});

describe('scheduleReminders', () => {
  it('runs at each due time on a fake clock, never overlapping, until stopped', async () => {
    let clock = new Date('2026-06-01T07:59:00Z');
    const timers: { fn: () => void; at: number }[] = [];
    const runs: string[] = [];
    let release: (() => void) | undefined;
    const job = scheduleReminders(
      '0 8 * * *',
      () =>
        new Promise<void>((resolve) => {
          runs.push(clock.toISOString());
          release = resolve;
        }),
      {
        now: () => clock,
        setTimer: (fn, ms) => timers.push({ fn, at: clock.getTime() + ms }),
        clearTimer: () => timers.splice(0),
      },
    );
    expect(job.next()?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
    const fireNext = async () => {
      const t = timers.shift()!;
      clock = new Date(Math.max(clock.getTime(), t.at));
      t.fn();
      await Promise.resolve();
    };
    await fireNext();
    expect(runs).toEqual(['2026-06-01T08:00:00.000Z']);
    expect(timers).toHaveLength(0); // no new timer while the run is going: no overlap
    clock = new Date('2026-06-03T09:00:00Z'); // the run took two days: the missed ticks are skipped
    release!();
    await new Promise((r) => setImmediate(r));
    expect(job.next()?.toISOString()).toBe('2026-06-04T08:00:00.000Z');
    await fireNext();
    expect(runs).toEqual(['2026-06-01T08:00:00.000Z', '2026-06-04T08:00:00.000Z']);
    release!();
    await new Promise((r) => setImmediate(r));
    job.stop();
    expect(timers).toHaveLength(0);
    expect(job.next()).toBeUndefined();
  });

  it('keeps going after a failed run and reports the error', async () => {
    let clock = new Date('2026-06-01T00:00:00Z');
    const timers: { fn: () => void; at: number }[] = [];
    const errors: unknown[] = [];
    const job = scheduleReminders(
      '@hourly',
      () => {
        throw new Error('smtp down');
      },
      {
        now: () => clock,
        setTimer: (fn, ms) => timers.push({ fn, at: clock.getTime() + ms }),
        clearTimer: () => {},
        onError: (e) => errors.push(e),
      },
    );
    const t = timers.shift()!;
    clock = new Date(t.at);
    t.fn();
    await new Promise((r) => setImmediate(r));
    expect(errors).toHaveLength(1);
    expect(job.next()?.toISOString()).toBe('2026-06-01T02:00:00.000Z');
    job.stop();
  });
});
