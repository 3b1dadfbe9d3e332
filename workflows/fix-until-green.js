export const meta = {
  name: 'fix-until-green',
  description: 'A fixer makes the tests pass, then a fresh verifier runs them through bash; repeats at most N rounds, stopping when green.',
  whenToUse: 'When a test suite fails and the fix is local: `agentmux run fix-until-green --args \'{"test": "npm test", "rounds": 3}\' --approve auto`.',
  phases: [
    { title: 'Fix', detail: 'one fixer per round, told what the last verifier saw' },
    { title: 'Verify', detail: 'a fresh agent runs the tests and reports green or the failures' },
  ],
};

// args: { test: COMMAND, rounds: N } or a test command (string).
const test = typeof args === 'string' ? args : (args && args.test) || 'npm test';
const rounds = (args && Number.isInteger(args.rounds) && args.rounds > 0) ? args.rounds : 3;

const REPORT = {
  type: 'object',
  required: ['green', 'failures'],
  properties: {
    green: { type: 'boolean' },
    failures: { type: 'array', maxItems: 10, items: { type: 'string' } },
  },
};

let last = null;
for (let round = 1; round <= rounds; round++) {
  phase('Fix');
  const told = last === null
    ? `Run \`${test}\` to see what fails.`
    : `The last check of \`${test}\` failed with:\n${last.failures.map((f) => `- ${f}`).join('\n')}`;
  await agent(
    `${told}\nFind the cause in the code and fix it with the smallest change that is right. ` +
      'Do not weaken or delete tests. End with what you changed and why.',
    { label: `fixer-${round}` },
  );

  phase('Verify');
  last = await agent(
    `Run \`${test}\` with bash in this directory, exactly once, and report whether every test passed (green) ` +
      'and, if not, each failure in one line (test name and message). Change nothing.',
    { label: `verifier-${round}`, schema: REPORT },
  );
  if (last === null) {
    log(`round ${round}: the verifier gave no report`);
    last = { green: false, failures: ['(no report from the verifier)'] };
    continue;
  }
  log(`round ${round}: ${last.green ? 'green' : `${last.failures.length} failure(s)`}`);
  if (last.green) return { green: true, rounds: round };
}
return { green: false, rounds, failures: last === null ? [] : last.failures };
