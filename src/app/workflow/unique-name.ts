// Naming's last rule (DESIGN.md §9): a name held by a live agent gets `-2`, `-3`…
/** `base`, or the first `base-N` (N from 2) that `taken` says is free. */
export function uniqueAgentName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
