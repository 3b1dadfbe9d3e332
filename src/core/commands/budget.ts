// `budget [-t AGENT|--all] [--clear] [--usd X] [--tokens N] [--turns N]`: caps that pause an agent
// (DESIGN.md §4). `--clear` drops the old limits first (alone: no limits at all). With no limit
// and no --clear it changes nothing and shows the caps and what was spent against them.
import * as z from 'zod';
import type { BudgetLimits } from '../budget-limits.js';
import type { BudgetTarget } from '../cockpit-api.js';
import { flag, positiveInteger, positiveNumber, targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, fromResult } from '../command.js';
import type { CommandOutcome } from '../command.js';
import { limitsValue, type BudgetReportValue, type BudgetValue } from '../command-values.js';

const BudgetArgs = z
  .object({
    options: z.object({
      target: z.string().optional(),
      all: flag,
      usd: positiveNumber('--usd').optional(),
      tokens: positiveInteger('--tokens').optional(),
      turns: positiveInteger('--turns').optional(),
      clear: flag,
    }),
  })
  .refine(({ options }) => !(options.all && options.target !== undefined), {
    message: '-t and --all cannot be used together',
  });

/** Sets an agent's limits (or the overall ones with --all); reaching one pauses as over-budget. */
export const budget = defineCommand({
  name: 'budget',
  usage: 'budget [-t AGENT|--all] [--clear] [--usd X] [--tokens N] [--turns N]',
  summary: 'cap spending in USD, tokens or turns for an agent (--all: overall); alone: show caps and spend',
  spec: {
    options: [
      targetOption,
      { kind: 'flag', flag: '--all', key: 'all' },
      { kind: 'flag', flag: '--clear', key: 'clear' },
      { kind: 'value', flag: '--usd', key: 'usd', valueName: 'X' },
      { kind: 'value', flag: '--tokens', key: 'tokens', valueName: 'N' },
      { kind: 'value', flag: '--turns', key: 'turns', valueName: 'N' },
    ],
    positionals: [],
    text: 'none',
  },
  schema: BudgetArgs,
  run(api, { options }): CommandOutcome<BudgetValue | BudgetReportValue> {
    let target: BudgetTarget = { kind: 'all' };
    if (!options.all) {
      const agent = resolveTarget(api, 'budget', options.target);
      if (!agent.ok) return targetError(agent.error);
      target = { kind: 'agent', agent: agent.value };
    }
    const setsNothing = !options.clear && options.usd === undefined && options.tokens === undefined && options.turns === undefined;
    if (setsNothing) {
      const report = api.budgets.report(target);
      return fromResult('budget', report, (): BudgetReportValue => ({ target: target.kind === 'all' ? null : target.agent, report: report.ok ? report.value : '' }));
    }
    // Only the limits given: an absent one must not read as "clear this limit" when merged.
    const limits: BudgetLimits = {};
    if (options.usd !== undefined) limits.usd = options.usd;
    if (options.tokens !== undefined) limits.tokens = options.tokens;
    if (options.turns !== undefined) limits.turns = options.turns;
    const answer = api.budgets.set(target, limits, options.clear);
    const value: BudgetValue = { target: target.kind === 'all' ? null : target.agent, set: limitsValue(limits), clear: options.clear };
    return fromResult('budget', answer, () => value);
  },
});
