// The cockpit is full-screen and reads keys: without a terminal on both stdin and stdout it
// used to draw into a pipe and wait for keys that could never come (B18, `agentmux </dev/null`).

/** A stream as far as this check needs it. */
export type MaybeTty = { readonly isTTY?: boolean };

/** Why the cockpit cannot run here, or undefined when stdin and stdout are terminals. */
export function terminalProblem(stdin: MaybeTty, stdout: MaybeTty): string | undefined {
  const missing = [stdin.isTTY === true ? undefined : 'stdin', stdout.isTTY === true ? undefined : 'stdout'].filter(
    (name): name is string => name !== undefined,
  );
  if (missing.length === 0) return undefined;
  return (
    `agentmux: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not a terminal; the cockpit is full-screen and needs one ` +
    '(without one, agentmux ctl … talks to a cockpit running elsewhere)'
  );
}
