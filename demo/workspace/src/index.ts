export { parseDuration, DurationError } from './parser.js';
export { formatDuration } from './format.js';
export { SECONDS_PER_UNIT, type Unit } from './units.js';
