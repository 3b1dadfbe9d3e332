export const meta = {
  name: 'review',
  description: 'Reviews code by concern in parallel, then has a fresh skeptic try to refute each finding; only findings that survive are reported.',
  whenToUse: 'Before merging a change, or to audit a directory: `agentmux run review --args src/`.',
  phases: [
    { title: 'Review', detail: 'one reviewer per concern, each returning findings with file and line' },
    { title: 'Verify', detail: 'each finding checked by a skeptic told to refute it' },
  ],
};

// args: a path (string), or { path, concerns: [..] }.
const target = typeof args === 'string' ? args : (args && args.path) || '.';
const concerns = (args && Array.isArray(args.concerns) && args.concerns.length > 0)
  ? args.concerns
  : ['correctness and edge cases', 'error handling', 'tests that would catch a regression'];

const FINDINGS = {
  type: 'object',
  required: ['findings'],
  properties: {
    findings: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        required: ['file', 'line', 'severity', 'issue'],
        properties: {
          file: { type: 'string' },
          line: { type: 'integer', minimum: 1 },
          severity: { enum: ['low', 'medium', 'high'] },
          issue: { type: 'string' },
        },
      },
    },
  },
};

const VERDICT = {
  type: 'object',
  required: ['holds', 'reason'],
  properties: {
    holds: { type: 'boolean' },
    reason: { type: 'string' },
  },
};

phase('Review');
const reviews = await parallel(
  concerns.map((concern, index) => () =>
    agent(
      `Review ${target} for ${concern}. Read the code before you claim anything. ` +
        'Report only real problems, each with the file, the line and one sentence on what goes wrong and when. ' +
        'Report nothing rather than guess.',
      { label: `reviewer-${index + 1}`, schema: FINDINGS },
    ),
  ),
);

const findings = [];
reviews.forEach((review, index) => {
  if (review === null) return;
  for (const finding of review.findings) findings.push({ ...finding, concern: concerns[index] });
});
log(`${findings.length} finding(s) to verify`);

const verdicts = await pipeline(findings, (finding, _item, index) =>
  agent(
    `A reviewer claims this about ${finding.file} line ${finding.line} (${finding.severity}): ${finding.issue}\n` +
      'Try to refute it: read the code around that line and anything it calls. It holds only if you cannot refute it. ' +
      'Say which, and why, citing the lines you read.',
    { label: `skeptic-${index + 1}`, phase: 'Verify', schema: VERDICT },
  ),
);

const confirmed = findings.filter((_finding, index) => verdicts[index] !== null && verdicts[index].holds);
const refuted = findings.length - confirmed.length;
log(`${confirmed.length} confirmed, ${refuted} refuted or unverified`);
return { target, confirmed, refuted };
