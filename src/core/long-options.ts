// GNU-style long options as getopt_long reads them: `--name`, `--name=value`, and any unambiguous
// abbreviation (`--checkpoint-act=…` is `--checkpoint-action`). Risk checks that list option
// names must see the abbreviations too, or an abbreviation stretches an "always" rule (issue 9).

/** The long option `arg` names among `names` (exact, or the only one it abbreviates), and its attached value. */
export function longOptionMatch(arg: string, names: readonly string[]): { readonly name: string; readonly value: string | undefined } | undefined {
  if (!arg.startsWith('--') || arg.length === 2) return undefined;
  const equals = arg.indexOf('=');
  const written = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
  const value = equals < 0 ? undefined : arg.slice(equals + 1);
  if (names.includes(written)) return { name: written, value };
  const candidates = names.filter((name) => name.startsWith(written));
  const [only] = candidates;
  return candidates.length === 1 && only !== undefined ? { name: only, value } : undefined;
}

/** Whether `arg` is, or abbreviates, one of the long options `names` (`--pre`, `--pre=x`, `--hostname-b=x`). */
export function namesLongOption(arg: string, names: readonly string[]): boolean {
  if (!arg.startsWith('--') || arg.length === 2) return false;
  const equals = arg.indexOf('=');
  const written = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
  return names.some((name) => name.startsWith(written));
}
