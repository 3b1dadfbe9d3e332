// One `agent()` call's options turned into what its agent is opened with (DESIGN.md §9): the
// model (alias, id or ENDPOINT/MODEL), the thinking budget of its effort, an agentType's body,
// tools and model, and the StructuredOutput tool of its schema. Every problem is the call's throw.
import type { Providers } from '../../adapters/workflow/providers-file.js';
import { compileSchema } from '../../adapters/workflow/json-schema-check.js';
import { loadAgentType, type AgentType } from '../../adapters/workflow/agent-type-file.js';
import type { AgentConfig } from '../../core/agent.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ToolHost } from '../../core/tools.js';
import type { AgentCall } from '../../core/workflow/agent-host.js';
import { HeadlessRefusal } from '../../core/workflow/headless-refusal.js';
import { ANSWER_TOKENS_OVER_THINKING, resolveModelName, thinkingBudgetOf } from '../../core/workflow/model-names.js';
import { outputShape, StructuredOutputTools, type StructuredOutputListener, type ValueCheck } from '../../core/workflow/structured-output-tools.js';
import { ToolSubset } from '../../core/workflow/tool-subset.js';

/** What every call of a host shares. */
export type CallSetupDeps = {
  /** The tools every agent gets (the controller's). */
  readonly tools: ToolHost;
  readonly providers: Providers;
  /** The model when neither the call, its agentType nor the run names one. */
  readonly defaultModel: string;
  /** The directory `.claude/agents/` is looked for up to (the git root, else the run's cwd). */
  readonly agentRoot: (cwd: string) => string;
  /** A headless run's stderr, for refused approvals. */
  readonly report: (line: string) => void;
};

/** A call ready to open: its config less name and cwd, and its tools once the listener is known. */
export type CallPlan = {
  readonly config: Omit<AgentConfig, 'name' | 'cwd' | 'system'>;
  readonly agentType: AgentType | undefined;
  readonly schema: boolean;
  /** The schema's check (of the unwrapped value), for `accept`; undefined without a schema. */
  readonly check: ValueCheck | undefined;
  /** The agent's tool host, reporting StructuredOutput calls to `listener` (named for the stderr line). */
  readonly tools: (agentName: () => string, listener: StructuredOutputListener) => ToolHost;
};

/** Checks and resolves a call's options; an error is the message the call throws with. */
export function planCall(call: AgentCall, deps: CallSetupDeps): Result<CallPlan> {
  const { options, run } = call;
  let agentType: AgentType | undefined;
  if (options.agentType !== undefined) {
    const loaded = loadAgentType(options.agentType, run.cwd, deps.agentRoot(run.cwd));
    if (!loaded.ok) return loaded;
    agentType = loaded.value === 'default' ? undefined : loaded.value;
  }
  const modelName = options.model ?? agentType?.model ?? run.defaultModel ?? deps.defaultModel;
  const choice = resolveModelName(modelName);
  if (!choice.ok) return choice;
  let endpoint: AgentConfig['endpoint'];
  if (choice.value.kind === 'endpoint') {
    const named = deps.providers[choice.value.endpoint];
    if (named === undefined) {
      const known = Object.keys(deps.providers);
      return err(`model "${modelName}": no endpoint "${choice.value.endpoint}" in the providers file (${known.length === 0 ? 'it names none' : `it names ${known.join(', ')}`})`);
    }
    endpoint = { name: choice.value.endpoint, baseURL: named.baseURL, ...(named.apiKeyEnv === undefined ? {} : { apiKeyEnv: named.apiKeyEnv }) };
  }
  let thinkingBudget: number | undefined;
  if (options.effort !== undefined) {
    const budget = thinkingBudgetOf(options.effort);
    if (!budget.ok) return budget;
    thinkingBudget = budget.value;
  }
  let check: ReturnType<typeof compileSchema> | undefined;
  if (options.schema !== undefined) {
    check = compileSchema(options.schema);
    if (!check.ok) return check;
  }
  const schema = options.schema;
  const compiled = check?.ok === true ? check.value : undefined;
  const typeTools = agentType?.tools;
  const tools = (agentName: () => string, listener: StructuredOutputListener): ToolHost => {
    let host: ToolHost = typeTools === undefined ? deps.tools : new ToolSubset(deps.tools, new Set(typeTools));
    if (run.headless && run.approve === 'ask') host = new HeadlessRefusal(host, (line) => deps.report(`${run.id}: ${agentName()}: ${line}`));
    if (schema !== undefined && compiled !== undefined) host = new StructuredOutputTools(host, outputShape(schema), compiled, listener);
    return host;
  };
  const config: CallPlan['config'] = {
    model: choice.value.model,
    approval: { approve: run.approve, allow: [...run.allow] },
    run: run.id,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(thinkingBudget === undefined ? {} : { thinkingBudget, maxTokens: thinkingBudget + ANSWER_TOKENS_OVER_THINKING }),
  };
  return ok({ config, agentType, schema: schema !== undefined, check: compiled, tools });
}
