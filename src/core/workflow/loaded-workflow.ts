// A workflow script that passed the loader's checks (DESIGN.md §9 Loading), and the port that
// finds and checks one: the runtime uses it for `workflow(ref)`, the CLI for `agentmux run ARG`.
import type { Result } from '../result.js';
import type { WorkflowMeta } from './workflow-meta.js';

export type LoadedWorkflow = {
  /** The script's absolute path. */
  readonly path: string;
  /** The exact text of the file (the record keeps it as script.js). */
  readonly text: string;
  readonly meta: WorkflowMeta;
  /** The text with the meta export blanked out (newlines kept, so lines still match the file). */
  readonly body: string;
};

/** Finds and checks a script by ARG (NAME or FILE); errors read `FILE:LINE: problem`. */
export type WorkflowLoader = (ref: string) => Result<LoadedWorkflow>;
