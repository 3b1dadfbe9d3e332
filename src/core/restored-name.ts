// A session restored from the trash may not share a name with another session or agent (agents
// are found by name: `new NAME`, layouts); this picks the name it comes back under.

/** `NAME-restored`, else `NAME-restored2`, `NAME-restored3`… — the first that `taken` refuses. */
export function freeRestoredName(name: string, taken: (candidate: string) => boolean): string {
  const first = `${name}-restored`;
  if (!taken(first)) return first;
  for (let n = 2; ; n++) {
    const candidate = `${first}${n}`;
    if (!taken(candidate)) return candidate;
  }
}
