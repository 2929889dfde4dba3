import type { Contract } from '../contract/types.js';

/** Frequency bands for the facet, fastest first. */
export const BANDS = ['stream', 'up to 15 min', 'hourly', 'daily', 'weekly', 'slower', 'missing'] as const;
export type Band = (typeof BANDS)[number];

/** The band a contract's schedule falls in. */
export function frequencyBand(c: Pick<Contract, 'ingestionType' | 'frequencyMinutes'>): Band {
  const f = c.frequencyMinutes;
  if (c.ingestionType === 'stream' && f === undefined) return 'stream';
  if (f === undefined) return 'missing';
  if (f <= 15) return 'up to 15 min';
  if (f <= 60) return 'hourly';
  if (f <= 1440) return 'daily';
  if (f <= 10080) return 'weekly';
  return 'slower';
}

/** "every 60 minutes", "every 1 day"… for people. */
export function describeFrequency(c: Pick<Contract, 'ingestionType' | 'frequencyMinutes'>): string {
  const f = c.frequencyMinutes;
  if (f === undefined) return c.ingestionType === 'stream' ? 'continuous (stream)' : 'not given';
  if (f % 1440 === 0) return f === 1440 ? 'every day' : `every ${f / 1440} days`;
  if (f % 60 === 0) return f === 60 ? 'every hour' : `every ${f / 60} hours`;
  return f === 1 ? 'every minute' : `every ${f} minutes`;
}
