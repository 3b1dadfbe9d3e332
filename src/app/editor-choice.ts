// Which external editor `e` opens (DESIGN.md §5: VISUAL, then EDITOR; none: the in-app editor).
// npm puts EDITOR=vi into every script's environment when the person set none (B7), so under
// `npm start` a bare `vi` is npm's default, not a choice: the in-app editor is used instead.
// Someone who wants vi there sets VISUAL=vi (npm never sets VISUAL), as the README says.

/** The editor command to run, or undefined for the in-app editor. */
export function chooseEditor(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const visual = env['VISUAL'];
  if (visual !== undefined && visual.trim() !== '') return visual;
  const editor = env['EDITOR'];
  if (editor === undefined || editor.trim() === '') return undefined;
  const underNpm = env['npm_lifecycle_event'] !== undefined;
  if (underNpm && editor === 'vi') return undefined;
  return editor;
}
