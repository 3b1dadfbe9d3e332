// Small wording helpers the demo script shares: clipping, quoting code, plurals and a seeded
// choice of phrasing, so agents read differently but each conversation stays reproducible.

/** Chooses one of `items` by the conversation's seed (plus `salt`), so wording varies reproducibly. */
export type Pick = <T>(items: readonly [T, ...T[]], salt?: number) => T;

/** A Pick bound to `seed`. */
export function pickerFor(seed: number): Pick {
  return (items, salt = 0) => items[(seed + salt * 7919) % items.length] ?? items[0];
}

/** A stable 32-bit FNV-1a hash of `text`, the seed of an agent's phrasing. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A line of code as inline Markdown code, trimmed and clipped. */
export function code(text: string, max = 72): string {
  return `\`${clip(text, max).replace(/`/g, "'")}\``;
}

/** "1 file", "3 files". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The last path segment. */
export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
