// The naming rule of DESIGN.md §9, the runtime's part: a label becomes a name (whitespace and
// control runs → `-`; empty, all digits, `all`, or a leading `-`/`@` gets `RUNNAME-`); an
// unlabeled call is `RUNNAME-N`. The host adds `-2`, `-3`… against live agents.

// eslint-disable-next-line no-control-regex
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f-\u009f]+/gu;

/** The name a label gives, before the host makes it unique. */
export function nameFromLabel(label: string, runName: string): string {
  const name = label.replace(WHITESPACE_OR_CONTROL, '-');
  const reserved = name === '' || /^\d+$/u.test(name) || name === 'all' || name.startsWith('-') || name.startsWith('@');
  return reserved ? `${runName}-${name}` : name;
}

/** The base name of a call: from its label, else `RUNNAME-N` with N its call's position (1-based). */
export function baseNameOf(label: string | undefined, runName: string, position: number): string {
  return label === undefined ? `${runName}-${position}` : nameFromLabel(label, runName);
}
