// Turns a number of seconds back into the shortest readable form, largest unit first.
import { SECONDS_PER_UNIT, type Unit } from './units.js';

const ORDER: Unit[] = ['w', 'd', 'h', 'm', 's'];

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`cannot format ${seconds} seconds`);
  }
  let rest = Math.round(seconds);
  if (rest === 0) return '0s';

  const parts: string[] = [];
  for (const unit of ORDER) {
    const size = SECONDS_PER_UNIT[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count}${unit}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}
