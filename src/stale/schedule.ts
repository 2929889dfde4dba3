import { DcrError } from '../errors.js';

/** A parsed five-field cron expression (minute hour day-of-month month day-of-week), in UTC. */
export interface CronSpec {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  /** Standard cron: when both day fields are restricted, either may match. */
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, base: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, base: 0 },
] as const;
const ALIASES: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
};

/** Parses `m h dom mon dow` (lists, ranges, steps, names, `@weekly`...). Throws a DcrError. */
export function parseCron(text: string): CronSpec {
  const expanded = ALIASES[text.trim().toLowerCase()] ?? text;
  const parts = expanded.trim().split(/\s+/);
  if (parts.length !== 5)
    throw cronError(text, 'it needs five fields: minute hour day-of-month month day-of-week');
  const sets = parts.map((part, i) => parseField(part, FIELDS[i]!, text));
  const weekdays = new Set([...sets[4]!].map((d) => d % 7)); // 7 is Sunday too
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    days: sets[2]!,
    months: sets[3]!,
    weekdays,
    daysRestricted: parts[2] !== '*',
    weekdaysRestricted: parts[4] !== '*',
    text,
  };
}

function parseField(part: string, field: (typeof FIELDS)[number], text: string): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const names = 'names' in field ? field.names : undefined;
    const named = names ? names.indexOf(token.toLowerCase() as never) : -1;
    const n =
      named >= 0 ? named + ('base' in field ? field.base : 0) : /^\d+$/.test(token) ? Number(token) : NaN;
    if (!(n >= field.min && n <= field.max))
      throw cronError(text, `"${token}" is not a valid ${field.name} (${field.min}-${field.max})`);
    return n;
  };
  for (const item of part.split(',')) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(item);
    if (!m) throw cronError(text, `cannot read "${item}" in the ${field.name} field`);
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (!(step >= 1)) throw cronError(text, `the step in "${item}" must be at least 1`);
    let from: number = field.min;
    let to: number = field.name === 'day of week' ? 6 : field.max;
    if (m[1] !== '*') {
      const [a, b] = m[1]!.split('-');
      from = value(a!);
      to = b === undefined ? (m[2] === undefined ? from : to) : value(b);
      if (to < from) throw cronError(text, `the range "${m[1]}" runs backwards`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

const cronError = (text: string, why: string) =>
  new DcrError(`"${text}" is not a cron schedule: ${why}`, {
    hint: 'for example "0 8 * * 1" (Mondays at 08:00 UTC) or "@weekly"',
  });

/** The first minute strictly after `after` that the schedule matches (UTC), within five years. */
export function nextRun(spec: CronSpec, after: Date): Date | undefined {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!spec.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
      continue;
    }
    const dom = spec.days.has(t.getUTCDate());
    const dow = spec.weekdays.has(t.getUTCDay());
    const dayOk = spec.daysRestricted && spec.weekdaysRestricted ? dom || dow : dom && dow;
    if (!dayOk) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
      continue;
    }
    if (!spec.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
      continue;
    }
    if (!spec.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      continue;
    }
    return t;
  }
  return undefined;
}

export interface ScheduleOptions {
  /** The clock (tests pass their own). */
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Called when a run throws or rejects; the schedule carries on. */
  onError?: (error: unknown) => void;
}

export interface ScheduledJob {
  stop(): void;
  /** When the next run is due, if any. */
  next(): Date | undefined;
}

// setTimeout cannot wait longer than about 24.8 days; longer waits are chained.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `run` at every time the cron schedule names (UTC), in-process, for `dcr serve
 * --schedule`. Runs never overlap: a tick that comes while a run is still going is skipped.
 */
export function scheduleReminders(
  cron: string,
  run: () => unknown,
  options: ScheduleOptions = {},
): ScheduledJob {
  const spec = parseCron(cron);
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms).unref());
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  let handle: unknown;
  let due: Date | undefined;
  let stopped = false;
  let running = false;
  const arm = () => {
    if (stopped) return;
    due = nextRun(spec, now());
    if (due) wait();
  };
  const wait = () => {
    const ms = due!.getTime() - now().getTime();
    handle = setTimer(ms > MAX_TIMER_MS ? wait : fire, Math.max(0, Math.min(ms, MAX_TIMER_MS)));
  };
  const fire = async () => {
    if (stopped) return;
    if (now().getTime() < due!.getTime()) return wait(); // woke early (clock change): wait again
    if (!running) {
      running = true;
      try {
        await run();
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = false;
      }
    }
    arm();
  };
  arm();
  return {
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimer(handle);
    },
    next: () => (stopped ? undefined : due),
  };
}
