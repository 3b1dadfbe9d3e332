// Who a demo agent is and what it was asked: the role comes from its system prompt (the
// layouts' planner, coder, tester, reviewer, implementer and skeptical reviewers), and an
// all-round assistant picks its line of work from the question itself.
import type { NoteId } from './demo-notes.js';

export type Role = 'planner' | 'coder' | 'tester' | 'reviewer' | 'implementer' | 'refuter' | 'prober' | 'assistant';

/** The line of work a turn follows; each has a playbook of tool calls and a final answer. */
export type Plan = 'plan' | 'fix' | 'tests' | 'review' | 'refute' | 'probe' | 'survey';

/** The role named by the system prompt, else guessed from the task. */
export function roleOf(system: string, task: string): Role {
  const s = system.toLowerCase();
  const named = /you are (?:the|a|an) (planner|coder|tester|reviewer|implementer)\b/.exec(`${s}\n${task.toLowerCase()}`)?.[1];
  switch (named) {
    case 'planner':
    case 'coder':
    case 'tester':
    case 'reviewer':
    case 'implementer':
      return named;
    case undefined:
    default:
      break;
  }
  if (/skeptical reviewer|prove the implementer wrong|refute the implementer/.test(s)) {
    return /try inputs|malformed|how to reproduce/.test(s) ? 'prober' : 'refuter';
  }
  return 'assistant';
}

/** The plan a question asks for, or undefined when it names none. */
export function topicPlan(question: string): Plan | undefined {
  const q = question.toLowerCase();
  if (/\bplan\b|\bsteps?\b|\broadmap\b/.test(q)) return 'plan';
  if (/\btests?\b|\bcoverage\b|\bcovered\b|\bspecs?\b/.test(q)) return 'tests';
  if (/\breview\b|\baudit\b|\bcritique\b|\bproblems?\b|\bissues?\b/.test(q)) return 'review';
  if (/\bfix\b|\bbug\b|\bbroken\b|\bwrong\b|\bdecimal|1\.5|\bparse|\bimplement|\bchange\b/.test(q)) return 'fix';
  return undefined;
}

/** The plan for a role's turn on `question`. */
export function planFor(role: Role, question: string): Plan {
  switch (role) {
    case 'planner':
      return 'plan';
    case 'coder':
      return 'fix';
    case 'tester':
      return 'tests';
    case 'reviewer':
      return 'review';
    case 'refuter':
      return 'refute';
    case 'prober':
      return 'probe';
    case 'implementer': {
      const topic = topicPlan(question);
      return topic === 'tests' ? 'tests' : topic === undefined ? 'survey' : 'fix';
    }
    case 'assistant':
      return topicPlan(question) ?? 'survey';
  }
}

/** Which lines a plan's remarks point out first. */
export const FOCUS: Record<Plan, readonly NoteId[]> = {
  plan: ['decimal-doc', 'parseInt', 'decimal-pattern', 'todo', 'tests', 'test-script', 'import', 'export'],
  fix: ['parseInt', 'decimal-pattern', 'decimal-doc', 'tests', 'own-key', 'import', 'skip', 're-export', 'export'],
  tests: ['tests', 'throw', 'finite', 'rounding', 'parseInt', 'todo', 'export'],
  review: ['parseInt', 'todo', 'skip', 'error-class', 'order', 'finite', 'rounding', 'own-key', 'tests', 'throw', 'import', 'export'],
  refute: ['parseInt', 'todo', 'tests', 'skip', 'throw', 'export'],
  probe: ['decimal-pattern', 'skip', 'parseInt', 'throw', 'tests', 'finite', 'own-key', 'rounding'],
  survey: ['re-export', 'export', 'decimal-doc', 'test-script', 'todo', 'tests', 'import'],
};
