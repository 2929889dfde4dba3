/** SLA units dcr converts to and from minutes. `m` is not one: it could mean months. */
const FACTORS: Record<string, number> = {
  minutes: 1,
  minute: 1,
  min: 1,
  h: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
  w: 10080,
  week: 10080,
  weeks: 10080,
};

/** Minutes per unit, for the units dcr reads. */
export const minutesPer = (unit: unknown): number | undefined =>
  typeof unit === 'string' && Object.hasOwn(FACTORS, unit) ? FACTORS[unit] : undefined;

/** The unit dcr writes: spelled out, never a bare `m`. */
export const DEFAULT_UNIT = 'minutes';
