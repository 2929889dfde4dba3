import { DcrError } from '../errors.js';

const UNITS: Record<string, number> = {
  d: 1,
  day: 1,
  days: 1,
  w: 7,
  week: 7,
  weeks: 7,
  mo: 30.4375,
  month: 30.4375,
  months: 30.4375,
  y: 365.25,
  year: 365.25,
  years: 365.25,
};

/** Parses `180d`, `26w`, `6mo`, `1y` into days. Throws a DcrError with an example otherwise. */
export function parseDurationDays(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || !(Number(m[1]) > 0)) {
    throw new DcrError(`"${text}" is not a duration`, {
      hint: 'write a number and a unit: 180d, 26w, 6mo or 1y',
    });
  }
  return Number(m[1]) * unit;
}
