// The command an unknown name most likely meant, said first so a cut status line still shows it
// (B19: `:q` got a list of every command, cut before `quit`): a vim or tmux habit, or the one
// command the name starts.
const HABITS: ReadonlyMap<string, string> = new Map([
  ['q', 'quit'],
  ['q!', 'quit'],
  ['qa', 'quit'],
  ['wq', 'quit'],
  ['exit', 'quit'],
  ['kill-server', 'quit'],
  ['kill-session', 'quit'],
  ['h', 'help'],
  ['list-commands', 'help'],
]);

/** The known command `name` most likely meant, or undefined when there is no one guess. */
export function suggestedCommand(name: string, names: readonly string[]): string | undefined {
  const habit = HABITS.get(name);
  if (habit !== undefined && names.includes(habit)) return habit;
  const started = names.filter((known) => known.startsWith(name));
  return started.length === 1 ? started[0] : undefined;
}
