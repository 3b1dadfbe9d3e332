// How many seconds each unit letter stands for.

export const SECONDS_PER_UNIT = {
  w: 604_800,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
} as const;

export type Unit = keyof typeof SECONDS_PER_UNIT;

export function isUnit(text: string): text is Unit {
  return Object.hasOwn(SECONDS_PER_UNIT, text);
}
