// The WorkflowAgentHost of a dry run (issue 16): every `agent()` call is checked as a real run
// would check it (agentType, model name and endpoint, effort, schema) and answered at once with a
// stand-in value, and no provider is ever constructed. It keeps each call's phase and model.
import { loadAgentType } from '../../adapters/workflow/agent-type-file.js';
import { compileSchema } from '../../adapters/workflow/json-schema-check.js';
import type { Providers } from '../../adapters/workflow/providers-file.js';
import { err, ok, type Result } from '../../core/result.js';
import type { AgentCall, AgentCallContext, AgentCallOutcome, WorkflowAgentHost } from '../../core/workflow/agent-host.js';
import { priceOf } from '../../core/pricing.js';
import type { DryRunAssumptions, DryRunCall } from '../../core/workflow/dry-run-projection.js';
import { resolveModelName, thinkingBudgetOf } from '../../core/workflow/model-names.js';
import { STAND_IN_TEXT, standInValue } from '../../core/workflow/stand-in-value.js';

export type DryRunHostOptions = {
  readonly providers: Providers;
  /** The model when neither the call, its agentType nor the run names one. */
  readonly defaultModel: string;
  readonly agentRoot: (cwd: string) => string;
  readonly assumptions: DryRunAssumptions;
};

/** The model a call would run on (its name as priced), or the problem the real call would throw with. */
function modelOf(call: AgentCall, options: DryRunHostOptions): Result<string> {
  let typeModel: string | undefined;
  if (call.options.agentType !== undefined) {
    const loaded = loadAgentType(call.options.agentType, call.run.cwd, options.agentRoot(call.run.cwd));
    if (!loaded.ok) return loaded;
    typeModel = loaded.value === 'default' ? undefined : loaded.value.model;
  }
  const name = call.options.model ?? typeModel ?? call.run.defaultModel ?? options.defaultModel;
  const choice = resolveModelName(name);
  if (!choice.ok) return choice;
  if (call.options.effort !== undefined) {
    const budget = thinkingBudgetOf(call.options.effort);
    if (!budget.ok) return budget;
  }
  if (choice.value.kind === 'default') return ok(choice.value.model);
  if (options.providers[choice.value.endpoint] === undefined) return err(`model "${name}": no endpoint "${choice.value.endpoint}" in the providers file`);
  return ok(`${choice.value.endpoint}/${choice.value.model}`);
}

/** Answers every call at once; `calls` lists what it answered, in order. */
export class DryRunHost implements WorkflowAgentHost {
  readonly calls: DryRunCall[] = [];
  /** Why the run's budget was spent, once it was. */
  budgetReason: string | undefined;

  constructor(private readonly options: DryRunHostOptions) {}

  run(call: AgentCall, context: AgentCallContext): Promise<AgentCallOutcome> {
    return Promise.resolve(this.answer(call, context));
  }

  budgetSpent(_runId: string, reason: string): void {
    // No agent works in a dry run: nothing to pause, only the reason to report.
    this.budgetReason ??= reason;
  }

  private answer(call: AgentCall, context: AgentCallContext): AgentCallOutcome {
    if (context.signal.aborted) return { kind: 'null', reason: 'the dry run ended' };
    const model = modelOf(call, this.options);
    if (!model.ok) return { kind: 'throw', message: model.error };
    let value: AgentCallOutcome = { kind: 'value', value: `${STAND_IN_TEXT} ${this.calls.length + 1}` };
    const schema = call.options.schema;
    if (schema !== undefined) {
      const check = compileSchema(schema);
      if (!check.ok) return { kind: 'throw', message: check.error };
      const standIn = standInValue(schema, { items: this.options.assumptions.items, call: this.calls.length + 1 });
      const problems = check.value(standIn);
      // A schema the generator cannot satisfy (a pattern, a format): the call resolves as an agent that gave up would.
      value = problems.length === 0 ? { kind: 'value', value: standIn } : { kind: 'null', reason: `dry run: no stand-in fits the schema (${problems.join('; ')})` };
    }
    this.calls.push({ phase: call.phase, model: model.value });
    context.started(call.baseName, 'dry-run');
    // Spent at the high end (all tokens as output), so `budget` and the caps act as in a costly real run.
    const price = priceOf(model.value);
    const tokens = this.options.assumptions.tokensPerAgent;
    context.spent(tokens, price === undefined ? undefined : (price.output * tokens) / 1_000_000);
    return value;
  }
}
