// How `-t @RUN/PHASE`, `--hold PHASE` and `run-hold RUN PHASE` name a phase (DESIGN.md §9).

/** A phase title as `-t @RUN/PHASE` writes it: case-insensitive, whitespace runs as `-`. */
export function phaseMatches(title: string, written: string): boolean {
  const norm = (text: string): string => text.trim().toLowerCase().replace(/\s+/gu, '-');
  return norm(title) === norm(written);
}
