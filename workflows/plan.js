export const meta = {
  name: 'plan',
  description: 'Drafts a plan from three independent angles in parallel, then a judge compares them and returns the strongest, amended.',
  whenToUse: 'Before a change worth thinking through: `agentmux run plan --args "add retries to the HTTP client"`.',
  phases: [
    { title: 'Draft', detail: 'three planners who never see each other' },
    { title: 'Judge', detail: 'one judge picks and amends' },
  ],
};

const goal = typeof args === 'string' ? args : (args && args.goal) || 'improve this project where it matters most';

const PLAN = {
  type: 'object',
  required: ['summary', 'steps', 'risks'],
  properties: {
    summary: { type: 'string' },
    steps: { type: 'array', minItems: 1, maxItems: 8, items: { type: 'string' } },
    risks: { type: 'array', maxItems: 5, items: { type: 'string' } },
  },
};

const angles = [
  { label: 'planner-minimal', brief: 'the smallest change that fully reaches the goal' },
  { label: 'planner-robust', brief: 'the most robust result: failure modes, tests and rollback first' },
  { label: 'planner-user', brief: "the user's view: what they see, what could surprise them, what to document" },
];

phase('Draft');
const drafts = await parallel(
  angles.map((angle) => () =>
    agent(
      `Goal: ${goal}\nRead the code this touches, then plan it from one angle: ${angle.brief}. ` +
        'Steps must name files and be concrete enough to follow without you.',
      { label: angle.label, schema: PLAN },
    ),
  ),
);

const offered = drafts.map((draft, index) => ({ angle: angles[index].brief, draft })).filter((entry) => entry.draft !== null);
if (offered.length === 0) return { goal, plan: null, reason: 'no planner returned a plan' };

const JUDGEMENT = {
  type: 'object',
  required: ['chosen', 'why', 'plan'],
  properties: {
    chosen: { type: 'integer', minimum: 1, maximum: offered.length },
    why: { type: 'string' },
    plan: PLAN,
  },
};

phase('Judge');
const judged = await agent(
  `Goal: ${goal}\nThese plans were drafted independently:\n\n` +
    offered.map((entry, index) => `Plan ${index + 1} (${entry.angle}):\n${JSON.stringify(entry.draft, null, 2)}`).join('\n\n') +
    '\n\nCheck their claims against the code. Choose the strongest, say why in two sentences, and return it amended with what the others got right.',
  { label: 'judge', schema: JUDGEMENT },
);
return { goal, drafts: offered, judged };
