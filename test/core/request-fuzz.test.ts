// Random histories (interrupts, rewinds, edits, grafts, nudges) must always reduce to a
// request the Messages API accepts.
import { describe, expect, it } from 'vitest';
import { planRewind, viewBranch } from '../../src/core/branch.js';
import type { Entry } from '../../src/core/entry.js';
import { copyForGraft, selectTurns } from '../../src/core/graft-copy.js';
import { buildRequest } from '../../src/core/request.js';
import { requestViolations } from '../../src/core/request-rules.js';
import { SessionTree } from '../../src/core/tree.js';
import { ChainBuilder, expectOk, text, thinking, toolUse } from './factories.js';

/** mulberry32: a small seeded generator so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function randomHistory(seed: number): SessionTree {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const tree = new SessionTree();
  const b = new ChainBuilder(`r${seed}-`);
  let lastCalls: string[] = [];
  let graftCount = 0;
  const append = (make: () => Entry) => {
    b.from(tree.head);
    expectOk(tree.append(make()));
  };
  for (let step = 0; step < 40; step++) {
    const roll = pick(12);
    if (roll <= 1) append(() => b.user(next() < 0.1 ? '  ' : `question ${step}`));
    else if (roll === 2) append(() => b.nudge(`nudge ${step}`));
    else if (roll === 3)
      append(() => b.assistant(thinking('t'), text(next() < 0.2 ? '' : `answer ${step}`)));
    else if (roll === 4) {
      lastCalls = [`c${pick(4)}`, `c${pick(4)}`].slice(0, 1 + pick(2));
      append(() => b.assistant(text('calling'), ...lastCalls.map((id) => toolUse(id))));
    } else if (roll === 5) {
      const id = lastCalls.shift() ?? `c${pick(4)}`;
      append(() => b.result(id, next() < 0.2 ? '' : `output ${step}`, { isError: next() < 0.2 }));
    } else if (roll === 6)
      append(() => b.interrupted(next() < 0.5 ? [text('half')] : [toolUse(`c${pick(4)}`)]));
    else if (roll === 7) {
      const messages = tree
        .path()
        .filter((entry) => entry.kind !== 'edit' && entry.kind !== 'graft-marker');
      const target = messages[pick(messages.length)];
      if (target)
        append(() =>
          b.edit(
            target.id,
            target.kind === 'tool-result'
              ? { kind: 'tool-result', content: 'edited', isError: false }
              : 'edited',
          ),
        );
    } else if (roll === 8 || roll === 9) {
      const view = viewBranch(tree.path());
      const address =
        next() < 0.5
          ? { turn: pick(view.turnCount + 1) }
          : { turn: 1 + pick(Math.max(view.turnCount, 1)), k: 1 + pick(4) };
      const plan = planRewind(tree.path(), view, address);
      if (plan.ok) {
        expectOk(tree.setHead(plan.value.head));
        for (const edit of plan.value.reapply) append(() => b.edit(edit.target, edit.replacement));
      }
    } else {
      const view = viewBranch(tree.path());
      const items = selectTurns(view);
      if (items.ok) {
        graftCount += 1;
        let toolId = 0;
        const copies = copyForGraft(items.value, {
          newId: () => `${seed}-g${graftCount}-${++toolId}`,
          // Deliberately reuse tool ids across grafts: the reducer must still send unique ones.
          newToolUseId: () => `dup${toolId % 3}`,
          parent: tree.head,
          sourceSession: 'self',
          sourceName: 'self',
          fromTurn: 0,
          toTurn: view.turnCount,
          at: step,
        });
        for (const copy of copies) expectOk(tree.append(copy));
      }
    }
  }
  return tree;
}

describe('buildRequest over random histories', () => {
  it('always produces a request that breaks no rule', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const tree = randomHistory(seed);
      const request = buildRequest(viewBranch(tree.path()), {
        model: 'm',
        maxTokens: 10,
        system: 'sys',
        tools: [],
      });
      const problems = requestViolations(request);
      expect({ seed, problems }).toEqual({ seed, problems: [] });
    }
  });
});
