// Figures that used to be timed asserts in tests (issue 10: speed is the bench's, never a
// test's): `/` search over 100k transcript rows, the timeline's branch tree for 10,000 turns with
// 100 branches, and the request reducer over a 40,000-entry branch. Printed, never asserted.
import { buildBranchTree } from '../src/core/branch-tree.js';
import { viewBranch } from '../src/core/branch.js';
import { buildRequest } from '../src/core/request.js';
import { findMatch, searchPattern } from '../src/core/transcript-search.js';
import { Transcript } from '../src/core/transcript.js';
import { SessionTree } from '../src/core/tree.js';
import { ChainBuilder, text, toolUse } from '../test/core/factories.js';
import { fastestOf, ms } from './stats.js';

function pattern(query: string): RegExp {
  const compiled = searchPattern(query);
  if (compiled === undefined) throw new Error('empty query');
  return compiled;
}

function searchFigures(): string[] {
  const b = new ChainBuilder();
  for (let turn = 0; turn < 10_000; turn++) {
    b.user(`question ${turn}`);
    b.assistant(text(Array.from({ length: 9 }, (_, i) => `turn ${turn} line ${i} of ordinary prose about parsers`).join('\n')));
  }
  b.user('the unique marker word');
  const t = new Transcript({ agentName: 'alpha' });
  t.reset(b.view());
  const end = { block: t.blockCount, offset: 0 };
  findMatch(t, pattern('zebra-never'), 80, end, 'older');
  const miss = fastestOf(3, () => findMatch(t, pattern('zebra-never'), 80, end, 'older'));
  const hit = fastestOf(3, () => findMatch(t, pattern('you question 0'), 80, end, 'older'));
  return [
    `search, ${t.lineCount(80)} rows, a miss (whole scan)   ${ms(miss)} ms`,
    `search, ${t.lineCount(80)} rows, the oldest match      ${ms(hit)} ms`,
  ];
}

function branchTreeFigure(): string {
  const b = new ChainBuilder();
  const tree = new SessionTree();
  const add = (result: ReturnType<SessionTree['append']>): void => {
    if (!result.ok) throw new Error(result.error);
  };
  for (let turn = 1; turn <= 10_000; turn++) {
    add(tree.append(b.from(tree.head).user(`q${turn}`)));
    add(tree.append(b.from(tree.head).assistant(text(`a${turn}`))));
    if (turn % 100 === 0) {
      const side = b.from(tree.head);
      add(tree.add(side.user(`side ${turn}`)));
      add(tree.add(side.assistant(text(`side answer ${turn}`))));
    }
  }
  const view = viewBranch(tree.path());
  return `branch tree, 10,000 turns, 100 branches         ${ms(fastestOf(3, () => buildBranchTree(tree, view)))} ms`;
}

function requestFigure(): string {
  const b = new ChainBuilder();
  for (let turn = 0; turn < 10_000; turn++) {
    b.user(`q${turn}`);
    b.assistant(text('reading'), toolUse(`t${turn}`));
    b.result(`t${turn}`, 'x');
    b.assistant(text('a'));
  }
  const view = b.view();
  return `request reducer, 40,000 entries                 ${ms(fastestOf(3, () => buildRequest(view, { model: 'claude-sonnet-4-6', maxTokens: 1_000, tools: [] })))} ms`;
}

/** Prints the scaling figures (fastest of three runs each). */
export function runScalingBench(): void {
  console.log('\nscaling (fastest of 3)');
  for (const line of [...searchFigures(), branchTreeFigure(), requestFigure()]) console.log(`  ${line}`);
}
