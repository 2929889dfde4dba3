import { DcrError } from '../errors.js';
import { staleMessages } from './messages.js';

/** The instant `--now` names (a date means its start, UTC), or the real clock. */
export function parseNow(text: string | undefined, clock: () => Date = () => new Date()): Date {
  if (text === undefined) return clock();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const date = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw new DcrError(staleMessages.badNow(text).message, { hint: staleMessages.badNow(text).hint });
  return date;
}
