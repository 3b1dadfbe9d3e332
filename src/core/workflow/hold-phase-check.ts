// `--hold Verfy` / `run-hold RUN Verfy` (reviewer finding 4, issue 16): a misspelt phase held
// nothing and the command said it worked. A held phase is checked against the titles of the run's
// `meta.phases`; one not found is held anyway (a script's `phase()` may name phases meta does not
// list) and the person is told so. Pure.
import { HOLD_ALL } from './call-hold.js';
import { phaseMatches } from './phase-match.js';

/** The warning for held phases that name none of `metaPhases` (the titles of meta.phases), or undefined when all do. */
export function unlistedHoldWarning(metaPhases: readonly string[], held: readonly string[]): string | undefined {
  const unlisted = held.filter((written) => written.trim() !== HOLD_ALL && !metaPhases.some((title) => phaseMatches(title, written)));
  if (unlisted.length === 0) return undefined;
  const names = unlisted.map((written) => `"${written.trim()}"`).join(', ');
  const listed = metaPhases.length === 0 ? 'the script lists none' : metaPhases.join(', ');
  return `no phase ${names} in meta.phases (${listed}); holding ${unlisted.length === 1 ? 'it' : 'them'} anyway`;
}
