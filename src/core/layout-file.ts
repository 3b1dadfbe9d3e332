// The layout file of DESIGN.md §5: which agents to start and how to tile their panes.
// Parsing is pure (the loader reads the file); every problem is reported as
// `FILE: field.path: problem`, one line each, and unknown keys are errors, so a typo in a
// layout is never silently ignored.
//
// Split trees need not name every agent: agents missing from the tree are appended to the
// tree's root split, each with the mean of the root's sizes (see layout-solver.ts).
import * as z from 'zod';
import { err, messageOf, ok, type Result } from './result.js';
import { visibleControls } from './visible-controls.js';
import { withLineAndColumn } from './json-position.js';

export const TILING_PRESETS = ['tiled', 'columns', 'rows', 'main-left', 'main-top'] as const;
export type TilingPreset = (typeof TILING_PRESETS)[number];
export type SplitDirection = 'columns' | 'rows';

/** A split of the area into children side by side (`columns`) or stacked (`rows`). */
export type SplitTree = {
  readonly split: SplitDirection;
  /** Proportions, one per child; equal shares when absent. */
  readonly sizes?: readonly number[];
  readonly children: readonly SplitChild[];
};
export type SplitChild = string | SplitTree;
export type Tiling = TilingPreset | SplitTree;

/**
 * One agent of a layout; only `name` is required. An agent with a `command` hosts that program
 * in a pseudo-terminal (`pty`); any other is an SDK agent that talks to a model (`sdk`). Each
 * kind has only its own fields: a `model` on a PTY agent is an error, not silently ignored.
 */
export type LayoutAgent = SdkLayoutAgent | PtyLayoutAgent;

/** A layout agent that talks to a model through the SDK. */
export type SdkLayoutAgent = {
  readonly kind: 'sdk';
  readonly name: string;
  readonly cwd?: string;
  readonly model?: string;
  readonly system?: string;
  readonly prompt?: string;
  readonly baseURL?: string;
  readonly approve?: 'ask' | 'auto';
  readonly allow?: readonly string[];
  /** What the agent's sandboxed bash may reach: `{ "network": true }` lets it use the network. */
  readonly sandbox?: { readonly network: boolean };
};

/** A layout agent that hosts a program (its `command`) in a pseudo-terminal. */
export type PtyLayoutAgent = {
  readonly kind: 'pty';
  readonly name: string;
  readonly cwd?: string;
  readonly command: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** A regular expression matched against the bottom of a PTY agent's screen. */
  readonly ready?: string;
};

/** The model a layout agent's pane names before it loads: none for a PTY agent, else its own or the default. */
export function layoutPaneModel(agent: LayoutAgent, defaultModel: string): string {
  switch (agent.kind) {
    case 'pty':
      return '';
    case 'sdk':
      return agent.model ?? defaultModel;
  }
}

/** A parsed layout; `tiling` is `tiled` when the file leaves it out. */
export type Layout = {
  readonly name: string;
  readonly agents: readonly LayoutAgent[];
  readonly tiling: Tiling;
};

/** Why a name cannot name an agent, or undefined when it can (shared with `new` and `rename`). */
export function agentNameProblem(name: string): string | undefined {
  if (name === '') return 'must not be empty';
  if (/[\s\p{Cc}]/u.test(name)) return 'must not contain spaces or control characters';
  // Bidi overrides, zero-width and other format characters would make a name look like another.
  if (/[\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return 'must not contain invisible or bidi format characters';
  if (/^\d+$/.test(name)) return 'must not be a number (numbers name panes)';
  if (name === 'all') return '"all" is reserved (-t all means every agent)';
  if (name.startsWith('-')) return 'must not start with "-" (it would read as an option)';
  return undefined;
}

function oneOf(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length === 2) return `expected ${quoted[0] ?? ''} or ${quoted[1] ?? ''}`;
  return `expected one of ${quoted.join(', ')}`;
}

/** An object schema that rejects unknown keys and says which keys it knows (`what`: for what kind of object). */
function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, what = '') {
  const known = Object.keys(shape)
    .filter((key) => key !== 'kind')
    .join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown key (known keys${what}: ${known})` : undefined,
  });
}

const agentName = z.string().superRefine((name, ctx) => {
  const problem = agentNameProblem(name);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `agent name ${problem}` });
});

const nonEmptyText = z.string().min(1, { error: 'must not be empty' });

const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (thrown) {
    ctx.addIssue({
      code: 'custom',
      message: `not a valid regular expression: ${messageOf(thrown)}`,
    });
  }
});

const sdkAgentSchema = strictObject(
  {
    kind: z.literal('sdk'),
    name: agentName,
    cwd: nonEmptyText.optional(),
    model: nonEmptyText.optional(),
    system: z.string().optional(),
    prompt: z.string().optional(),
    baseURL: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as "http://127.0.0.1:8080"' })
      .optional(),
    approve: z.enum(['ask', 'auto'], { error: oneOf(['ask', 'auto']) }).optional(),
    allow: z.array(nonEmptyText).optional(),
    sandbox: strictObject({ network: z.boolean() }).optional(),
  },
  ' of an agent without a command',
);

const ptyAgentSchema = strictObject(
  {
    kind: z.literal('pty'),
    name: agentName,
    cwd: nonEmptyText.optional(),
    command: z
      .array(z.string())
      .min(1, { error: 'must name a program' })
      .refine((command) => command[0] !== '', {
        error: 'the program name must not be empty',
        path: [0],
      }),
    env: z.record(z.string(), z.string()).optional(),
    ready: regexSource.optional(),
  },
  ' of a PTY agent (one with a command)',
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The file names no kind: an agent with a `command` is a PTY agent, any other an SDK agent.
const agentSchema = z.preprocess(
  (value) =>
    isRecord(value) && !Object.hasOwn(value, 'kind')
      ? { ...value, kind: Object.hasOwn(value, 'command') ? 'pty' : 'sdk' }
      : value,
  z.discriminatedUnion('kind', [sdkAgentSchema, ptyAgentSchema]),
);

type ParsedTree = {
  split: SplitDirection;
  sizes?: number[] | undefined;
  children: (string | ParsedTree)[];
};

const splitTreeSchema: z.ZodType<ParsedTree> = z.lazy(() =>
  strictObject({
    split: z.enum(['columns', 'rows'], { error: oneOf(['columns', 'rows']) }),
    sizes: z.array(z.number().positive({ error: 'sizes must be positive numbers' })).optional(),
    children: z
      .array(
        z.union([z.string(), splitTreeSchema], { error: 'expected an agent name or a split tree' }),
      )
      .min(1, { error: 'a split needs at least one child' }),
  }),
);

const tilingSchema = z.union(
  [z.enum(TILING_PRESETS, { error: `${oneOf(TILING_PRESETS)}, or a split tree` }), splitTreeSchema],
  {
    error: `expected a preset (${TILING_PRESETS.join(', ')}) or a split tree { "split", "children" }`,
  },
);

const layoutSchema = strictObject({
  name: nonEmptyText,
  agents: z.array(agentSchema).min(1, { error: 'a layout needs at least one agent' }),
  tiling: tilingSchema.optional(),
});

type ParsedLayout = z.infer<typeof layoutSchema>;
type ParsedAgent = ParsedLayout['agents'][number];

/**
 * Parses and validates a layout file's text; errors read `FILE: field.path: problem`, with any
 * control the file put in them (a key, an agent name in a split) drawn visibly (issue 9).
 */
export function parseLayout(fileName: string, jsonText: string): Result<Layout, string> {
  const parsed = parseLayoutText(fileName, jsonText);
  return parsed.ok ? parsed : err(parsed.error.split('\n').map(visibleControls).join('\n'));
}

function parseLayoutText(fileName: string, jsonText: string): Result<Layout, string> {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (thrown) {
    return err(`${fileName}: invalid JSON: ${withLineAndColumn(messageOf(thrown), jsonText)}`);
  }
  const parsed = layoutSchema.safeParse(data, { error: typeProblem });
  if (!parsed.success) return err(formatIssues(fileName, parsed.error.issues));
  const layout = toLayout(parsed.data);
  const problems = crossCheck(layout);
  if (problems.length > 0)
    return err(problems.map((problem) => `${fileName}: ${problem}`).join('\n'));
  return ok(layout);
}

/** Words for a type mismatch; a missing field reads `required`. */
function typeProblem(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'required';
  const expected = issue.expected === 'record' ? 'object' : issue.expected;
  return `expected ${expected}, got ${kindOf(issue.input)}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function formatIssues(fileName: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .flatMap((issue) => issueLines(issue, []))
    .map((line) => `${fileName}: ${line}`)
    .join('\n');
}

function issueLines(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${dotted([...path, key])}: ${issue.message}`);
  if (issue.code === 'invalid_union') {
    const branch = likelyBranch(issue.errors);
    if (branch !== undefined) return branch.flatMap((inner) => issueLines(inner, path));
  }
  return [`${dotted(path)}: ${issue.message}`];
}

/**
 * The alternative of a union the writer most likely meant: one that got past the type check
 * (a problem inside an object beats a wrong enum value, which beats a wrong type). Undefined
 * when no single alternative stands out; the union's own message then says what fits.
 */
function likelyBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): readonly z.core.$ZodIssue[] | undefined {
  const scored = branches.map((branch) => ({ branch, score: closeness(branch) }));
  const best = Math.max(...scored.map(({ score }) => score));
  const winners = scored.filter(({ score }) => score === best);
  const winner = winners[0];
  return best > 0 && winners.length === 1 && winner !== undefined ? winner.branch : undefined;
}

function closeness(branch: readonly z.core.$ZodIssue[]): number {
  if (branch.some((issue) => issue.path.length > 0 || issue.code === 'unrecognized_keys')) return 2;
  if (branch.some((issue) => issue.code !== 'invalid_type')) return 1;
  return 0;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** Checks the rules that span fields: unique agent names, tree names, sizes per child. */
function crossCheck(layout: Layout): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  layout.agents.forEach((agent, index) => {
    if (seen.has(agent.name))
      problems.push(`agents.${index}.name: "${agent.name}" is used by an earlier agent`);
    seen.add(agent.name);
  });
  if (typeof layout.tiling !== 'string')
    checkTree(layout.tiling, 'tiling', seen, new Set(), problems);
  return problems;
}

function checkTree(
  tree: SplitTree,
  path: string,
  agents: ReadonlySet<string>,
  placed: Set<string>,
  problems: string[],
): void {
  if (tree.sizes !== undefined && tree.sizes.length !== tree.children.length) {
    problems.push(
      `${path}.sizes: has ${tree.sizes.length} sizes for ${tree.children.length} children`,
    );
  }
  tree.children.forEach((child, index) => {
    const childPath = `${path}.children.${index}`;
    if (typeof child !== 'string') {
      checkTree(child, childPath, agents, placed, problems);
      return;
    }
    if (!agents.has(child)) problems.push(`${childPath}: no agent named "${child}" in agents`);
    else if (placed.has(child))
      problems.push(`${childPath}: "${child}" appears twice in the tiling`);
    placed.add(child);
  });
}

function toLayout(parsed: ParsedLayout): Layout {
  const tiling =
    parsed.tiling === undefined
      ? 'tiled'
      : typeof parsed.tiling === 'string'
        ? parsed.tiling
        : toTree(parsed.tiling);
  return { name: parsed.name, agents: parsed.agents.map(toAgent), tiling };
}

function toTree(parsed: ParsedTree): SplitTree {
  const children = parsed.children.map((child) =>
    typeof child === 'string' ? child : toTree(child),
  );
  return parsed.sizes === undefined
    ? { split: parsed.split, children }
    : { split: parsed.split, sizes: parsed.sizes, children };
}

// Spelled out so that absent fields stay absent (exactOptionalPropertyTypes).
function toAgent(parsed: ParsedAgent): LayoutAgent {
  const cwd = parsed.cwd === undefined ? {} : { cwd: parsed.cwd };
  switch (parsed.kind) {
    case 'pty':
      return {
        kind: 'pty',
        name: parsed.name,
        ...cwd,
        command: parsed.command,
        ...(parsed.env === undefined ? {} : { env: parsed.env }),
        ...(parsed.ready === undefined ? {} : { ready: parsed.ready }),
      };
    case 'sdk':
      return {
        kind: 'sdk',
        name: parsed.name,
        ...cwd,
        ...(parsed.model === undefined ? {} : { model: parsed.model }),
        ...(parsed.system === undefined ? {} : { system: parsed.system }),
        ...(parsed.prompt === undefined ? {} : { prompt: parsed.prompt }),
        ...(parsed.baseURL === undefined ? {} : { baseURL: parsed.baseURL }),
        ...(parsed.approve === undefined ? {} : { approve: parsed.approve }),
        ...(parsed.allow === undefined ? {} : { allow: parsed.allow }),
        ...(parsed.sandbox === undefined ? {} : { sandbox: parsed.sandbox }),
      };
  }
}
