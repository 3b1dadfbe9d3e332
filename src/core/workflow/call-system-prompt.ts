// What agentmux adds to a workflow agent, all in its system prompt (DESIGN.md §9): the prompt the
// script gave stays the first user message, exactly.
import { STRUCTURED_OUTPUT } from './structured-output-tools.js';

export type SystemPromptParts = {
  /** `meta.name` of the script. */
  readonly runName: string;
  /** An agentType's body (its own system prompt), first. */
  readonly agentTypeBody: string | undefined;
  readonly schema: boolean;
  /** The worktree the agent works in, when isolated. */
  readonly worktree: string | undefined;
};

/** The system prompt of one `agent()` call's agent. */
export function callSystemPrompt(parts: SystemPromptParts): string {
  const sections: string[] = [];
  const body = parts.agentTypeBody?.trim() ?? '';
  if (body !== '') sections.push(body);
  sections.push(`You are one agent of the workflow "${parts.runName}", run by agentmux. The first user message is your task.`);
  if (parts.schema) {
    sections.push(
      `When your work is done, call the ${STRUCTURED_OUTPUT} tool once with your result as its input, matching its schema exactly: ` +
        `that call is your return value to the workflow and ends your work. Use your other tools as needed before it.`,
    );
  } else {
    sections.push('Your final answer text (the last message you write, with no tool call) is your return value to the workflow: make it complete on its own.');
  }
  if (parts.worktree !== undefined) {
    sections.push(
      `You work in a git worktree of your own at ${parts.worktree} (a separate checkout of the repository's HEAD): ` +
        'your changes stay there, apart from other agents; the worktree is kept if you change anything and removed if you do not.',
    );
  }
  return sections.join('\n\n');
}

/** The one reminder sent to an agent that ended its work without a valid StructuredOutput call. */
export const STRUCTURED_OUTPUT_REMINDER = `You ended your work without a valid ${STRUCTURED_OUTPUT} call. Call ${STRUCTURED_OUTPUT} now with your result: it is the only way to return it.`;
