// The WorkflowLoader over the file system: locate ARG, read it, check it (script-check.ts).
import fs from 'node:fs';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { LoadedWorkflow, WorkflowLoader } from '../../core/workflow/loaded-workflow.js';
import { checkScript } from './script-check.js';
import { locateWorkflow, type WorkflowSearchPlaces } from './script-locate.js';

/** Reads and checks one script file. */
export function loadWorkflowFile(file: string): Result<LoadedWorkflow> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (thrown) {
    return err(`${file}: cannot read: ${messageOf(thrown)}`);
  }
  const checked = checkScript(file, text);
  if (!checked.ok) return checked;
  return ok({ path: file, text, meta: checked.value.meta, body: checked.value.body });
}

/** A loader that finds ARG from `places` (NAME or FILE) and checks it. */
export function fileWorkflowLoader(places: WorkflowSearchPlaces): WorkflowLoader {
  return (ref) => {
    const file = locateWorkflow(ref, places);
    return file.ok ? loadWorkflowFile(file.value) : file;
  };
}
