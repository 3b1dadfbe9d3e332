// Turns text like "1h 30m" or "1.5h" into a number of seconds.
import { SECONDS_PER_UNIT, isUnit } from './units.js';

const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/g;

export class DurationError extends Error {}

export function parseDuration(text: string): number {
  const input = text.trim().toLowerCase();
  if (input === '') throw new DurationError('empty duration');

  let total = 0;
  let matched = '';
  for (const [part, amount, unit] of input.matchAll(PART)) {
    matched += part;
    // TODO: reject unknown units ("5y") instead of silently skipping them.
    if (!isUnit(unit)) continue;
    total += parseInt(amount, 10) * SECONDS_PER_UNIT[unit];
  }

  if (matched.replace(/\s+/g, '') !== input.replace(/\s+/g, '')) {
    throw new DurationError(`cannot parse duration "${text}"`);
  }
  return total;
}
