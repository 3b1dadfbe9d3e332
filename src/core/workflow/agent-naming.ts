// The naming rule of DESIGN.md §9, the runtime's part: a label becomes a name (whitespace and
// control runs → `-`; empty, all digits, `all`, or a leading `-`/`@` gets `RUNNAME-`); an
// unlabeled call is `RUNNAME-N`. The host adds `-2`, `-3`… against live agents. "Control" is
// every character the cockpit would draw as a stand-in (C0, DEL, C1, bidi and invisible marks),
// and the run's name gets the same rule, so an agent's name never holds one.
import { visibleControls } from '../visible-controls.js';

/** Whether a character counts as whitespace or a control for naming. */
function isSeparator(char: string): boolean {
  return /\s/u.test(char) || visibleControls(char) !== char;
}

/** `text` with each run of whitespace or control characters turned into one `-`. */
export function dashControls(text: string): string {
  let out = '';
  let inRun = false;
  for (const char of text) {
    if (isSeparator(char)) {
      if (!inRun) out += '-';
      inRun = true;
    } else {
      out += char;
      inRun = false;
    }
  }
  return out;
}

/** The name a label gives, before the host makes it unique. */
export function nameFromLabel(label: string, runName: string): string {
  const name = dashControls(label);
  const reserved = name === '' || /^\d+$/u.test(name) || name === 'all' || name.startsWith('-') || name.startsWith('@');
  return reserved ? `${dashControls(runName)}-${name}` : name;
}

/** The base name of a call: from its label, else `RUNNAME-N` with N its call's position (1-based). */
export function baseNameOf(label: string | undefined, runName: string, position: number): string {
  return label === undefined ? `${dashControls(runName)}-${position}` : nameFromLabel(label, runName);
}
