// A workflow agent's session opened again where its run is not live (session browser → open,
// `session-open`, a later agentmux) gets back the StructuredOutput tool of its call's schema,
// kept on the record's `started` line since session 7: its later answer is checked as in the
// first process (an invalid call gets the errors back as a tool error, a valid one ends its
// work), so a continue (session-revision.ts) finds an accepted value to deliver, or none.
import { compileSchema } from '../../adapters/workflow/json-schema-check.js';
import { readRunRecord } from '../../adapters/workflow/run-record-reader.js';
import type { SdkAgent } from '../../core/agent.js';
import type { ToolHost } from '../../core/tools.js';
import { outputShape, StructuredOutputTools } from '../../core/workflow/structured-output-tools.js';

/** The tools a reopened call agent works with, and what the open says about them. */
export type CallToolsBack = { readonly tools: ToolHost; readonly note: string };

/** The StructuredOutput tool of the call `agent`'s session answered, over `base`; undefined for a session of no run, a call with no schema, or an older record. */
export function callToolsBack(storeDir: string, agent: SdkAgent, base: ToolHost, say: (message: string) => void): CallToolsBack | undefined {
  const run = agent.session.header.run;
  if (run === undefined) return undefined;
  const record = readRunRecord(storeDir, run);
  if (!record.ok) return undefined;
  const started = record.value.lines.findLast((line) => line.type === 'started' && line.session === agent.session.id);
  if (started?.type !== 'started' || started.schema === undefined) return undefined;
  const check = compileSchema(started.schema);
  if (!check.ok) return undefined;
  const tools = new StructuredOutputTools(base, outputShape(started.schema), check.value, {
    valid: () => say(`${agent.name}: its StructuredOutput matches its call's schema: run-continue ${run} delivers it`),
    gaveUp: (reason) => say(`${agent.name}: ${reason}: run-continue ${run} keeps the recorded value`),
  });
  return { tools, note: `; its call's schema is back (StructuredOutput, run ${run})` };
}
