// Cold start to first frame: a store of 500 sessions, a layout of 32 agents reattaching 32 of
// them; time from spawning agentmux to the output chunk that completes its first frame.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { agentNames, firstFrameShown, launchCockpit, quitCockpit, writeLayout } from './cockpit-world.js';
import { cpuMs } from './proc-stats.js';
import type { ScenarioContext } from './streaming-scenario.js';
import { writeStore } from './store-fixtures.js';

export type ColdStartFigures = {
  readonly sessions: number;
  readonly panes: number;
  readonly linesPerPane: number;
  readonly startsMs: readonly number[];
  /** CPU time agentmux had used when its first frame was seen (load-independent, unlike wall time). */
  readonly cpuToFirstFrameMs: readonly number[];
};

/** Starts agentmux `runs` times on the same store (page cache warm after the first run). */
export async function runColdStart(context: ScenarioContext, runs: number): Promise<ColdStartFigures> {
  const sessions = 500;
  const panes = 32;
  const linesPerPane = 200;
  const dir = join(context.scratch, 'cold-start');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = join(dir, 'sessions');
  const paneSessions = agentNames(panes).map((name) => ({ name, lines: linesPerPane }));
  const others = Array.from({ length: sessions - panes }, (_, index) => ({ name: `old${index + 1}`, lines: 20 }));
  await writeStore(store, [...others, ...paneSessions]);
  const layoutPath = writeLayout(dir, panes);
  const startsMs: number[] = [];
  const cpuToFirstFrameMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const cockpit = launchCockpit({ entry: context.entry, dir, layoutPath, sessions: store, modelUrl: context.model.url, cpuProfDir: context.cpuProfDir });
      try {
        const shown = await cockpit.waitUntil(firstFrameShown, 'the first frame', 60_000);
        startsMs.push(shown.at - cockpit.spawnedAt);
        cpuToFirstFrameMs.push(cpuMs(cockpit.pid));
        await quitCockpit(cockpit);
      } finally {
        cockpit.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { sessions, panes, linesPerPane, startsMs, cpuToFirstFrameMs };
}
