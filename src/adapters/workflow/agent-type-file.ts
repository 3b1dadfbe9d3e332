// `agentType` (DESIGN.md §9): `.claude/agents/NAME.md`, Claude Code's subagent file — YAML front
// matter `name`, `description`, `tools`, `model`, and a body that is the agent's system prompt.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { describeIssue } from '../store/journal-line.js';

/** Claude Code's tool names and ours; other names are ignored. */
export const TOOL_NAMES: Readonly<Record<string, string>> = {
  Read: 'read_file',
  Grep: 'grep',
  Glob: 'list_files',
  Bash: 'bash',
  Edit: 'edit_file',
  Write: 'write_file',
};

/** The built-in agent types that mean the default agent. */
const DEFAULT_TYPES: ReadonlySet<string> = new Set(['general-purpose', 'Explore', 'Plan']);

/** A parsed agent file: its body, and (when the front matter names them) its tools and model. */
export type AgentType = {
  readonly name: string;
  readonly description: string | undefined;
  /** Our tool names; undefined: every tool. */
  readonly tools: readonly string[] | undefined;
  readonly model: string | undefined;
  readonly body: string;
};

const FrontMatter = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    // `Read, Grep` or a YAML list.
    tools: z.union([z.string(), z.array(z.string())]).optional(),
    model: z.string().optional(),
  })
  .loose();

/** Parses the text of an agent file; `path: problem` when the front matter is missing or malformed. */
export function parseAgentType(path: string, text: string): Result<AgentType> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (match === null) return err(`${path}: no front matter (a "---" block with name, description, tools, model)`);
  let yaml: unknown;
  try {
    yaml = parseYaml(match[1] ?? '');
  } catch (thrown) {
    return err(`${path}: front matter: ${messageOf(thrown)}`);
  }
  const parsed = FrontMatter.safeParse(yaml);
  if (!parsed.success) return err(`${path}: front matter: ${describeIssue(parsed.error)}`);
  const { name, description, tools, model } = parsed.data;
  const listed = tools === undefined ? undefined : typeof tools === 'string' ? tools.split(',') : tools;
  const mapped = listed?.flatMap((tool) => {
    const ours = TOOL_NAMES[tool.trim()];
    return ours === undefined ? [] : [ours];
  });
  return ok({
    name,
    description,
    tools: mapped,
    model: model === undefined || model === 'inherit' ? undefined : model,
    body: (match[2] ?? '').trim(),
  });
}

/**
 * Finds and parses `NAME`: `.claude/agents/NAME.md` in `cwd` and each directory up to `root`
 * (the git root, or `cwd` itself), then in `~/.claude/agents/`. `default` for the built-in types.
 */
export function loadAgentType(name: string, cwd: string, root: string, home = homedir()): Result<AgentType | 'default'> {
  if (DEFAULT_TYPES.has(name)) return ok('default');
  if (!/^[\w.-]+$/.test(name)) return err(`agentType "${name}": not a file name`);
  const tried: string[] = [];
  for (let dir = cwd; ; dir = dirname(dir)) {
    const path = join(dir, '.claude', 'agents', `${name}.md`);
    tried.push(path);
    if (existsSync(path)) return readAgentType(path);
    if (dir === root || dirname(dir) === dir) break;
  }
  const user = join(home, '.claude', 'agents', `${name}.md`);
  if (existsSync(user)) return readAgentType(user);
  tried.push(user);
  return err(`agentType "${name}": no agent file (looked for ${tried.join(', ')})`);
}

function readAgentType(path: string): Result<AgentType> {
  try {
    return parseAgentType(path, readFileSync(path, 'utf8'));
  } catch (thrown) {
    return err(`${path}: ${messageOf(thrown)}`);
  }
}
