// One streaming scenario: N agents (panes pre-filled with L lines each) stream at the model's
// pace; measures CPU and bytes per token, frames/s, keystroke → frame latency, idle frames and
// peak RSS of the agentmux process.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AgentmuxEntry } from './agentmux-entry.js';
import { agentNames, firstFrameShown, launchCockpit, quitCockpit, SUMMARY_ROW, writeLayout } from './cockpit-world.js';
import type { ModelProcess } from './model-process.js';
import { peakRssMb } from './proc-stats.js';
import { treeCpuMs } from './tree-cpu.js';
import type { PtyCockpit } from './pty-cockpit.js';
import { writeStore } from './store-fixtures.js';

export type StreamingScenario = {
  readonly agents: number;
  readonly linesPerPane: number;
  readonly keystrokes: number;
  readonly cpuWindowMs: number;
  readonly idleWindowMs: number;
  /**
   * Streaming before the CPU and bytes window: V8 is still compiling the hot paths in the first
   * seconds (its compiler threads alone took ~250 ms of 8 s at 8 agents), and agents stream for
   * hours. The first `cpuWindowMs` of it is measured too and printed apart, without a target.
   */
  readonly warmupMs: number;
};

/** What one scenario measured. */
export type StreamingFigures = StreamingScenario & {
  readonly startMs: number;
  readonly tokensPerSecondPerAgent: number;
  readonly cpuMsPer1kTokens: number;
  /** The same, over the first `cpuWindowMs` of streaming (JIT still warming up). */
  readonly coldCpuMsPer1kTokens: number;
  readonly bytesPerToken: number;
  readonly streamingFramesPerSecond: number;
  readonly latenciesMs: readonly number[];
  /** Keystrokes whose frame never showed the change within the timeout. */
  readonly missedKeystrokes: number;
  readonly idleFramesPerSecond: number;
  readonly idleBytes: number;
  readonly peakRssMb: number;
};

export type ScenarioContext = {
  readonly entry: AgentmuxEntry;
  readonly model: ModelProcess;
  readonly scratch: string;
  readonly cpuProfDir?: string | undefined;
};

const KEY_TIMEOUT_MS = 2000;

/** Prepares the store, runs the scenario and quits agentmux. */
export async function runStreamingScenario(context: ScenarioContext, scenario: StreamingScenario): Promise<StreamingFigures> {
  const dir = join(context.scratch, `stream-${scenario.agents}x${scenario.linesPerPane}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sessions = join(dir, 'sessions');
  const names = agentNames(scenario.agents);
  if (scenario.linesPerPane > 0) await writeStore(sessions, names.map((name) => ({ name, lines: scenario.linesPerPane })));
  const layoutPath = writeLayout(dir, scenario.agents);
  const requestsBefore = (await context.model.counts()).requests;
  const cockpit = launchCockpit({ entry: context.entry, dir, layoutPath, sessions, modelUrl: context.model.url, cpuProfDir: context.cpuProfDir });
  try {
    const shown = await cockpit.waitUntil(firstFrameShown, 'the first frame', 120_000);
    const startMs = shown.at - cockpit.spawnedAt;
    await startStreaming(cockpit, context.model, requestsBefore, scenario.agents);
    await sleep(1000);
    const started = performance.now();
    const cold = await measureStreaming(cockpit, context.model, scenario);
    await sleep(Math.max(0, scenario.warmupMs - (performance.now() - started)));
    const window = await measureStreaming(cockpit, context.model, scenario);
    const latencies = await measureKeystrokes(cockpit, names, scenario.keystrokes);
    const idle = await measureIdle(cockpit, scenario.idleWindowMs);
    const figures: StreamingFigures = {
      ...scenario,
      startMs,
      ...window,
      coldCpuMsPer1kTokens: cold.cpuMsPer1kTokens,
      latenciesMs: latencies.filter((latency) => latency !== undefined),
      missedKeystrokes: latencies.filter((latency) => latency === undefined).length,
      ...idle,
      peakRssMb: peakRssMb(cockpit.pid),
    };
    const rejected = (await context.model.counts()).rejections;
    if (rejected > 0) throw new Error(`the model server rejected ${rejected} request(s) as malformed`);
    await quitCockpit(cockpit);
    return figures;
  } finally {
    cockpit.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `:broadcast` a message to every (idle) agent; resolves once every answer is streaming. */
async function startStreaming(cockpit: PtyCockpit, model: ModelProcess, from: number, agents: number): Promise<void> {
  cockpit.write(':');
  await cockpit.waitUntil((c) => c.line(-1).startsWith(':'), 'the command prompt', 30_000);
  cockpit.write('broadcast explain the failing parser test, in detail\r');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const counts = await model.counts(from);
    if (counts.rejections > 0) throw new Error(`the model server rejected ${counts.rejections} request(s)`);
    if (counts.streaming >= agents) return;
    if (Date.now() > deadline) throw new Error(`only ${counts.streaming} of ${agents} agents streaming after 120 s; screen:\n${cockpit.screen()}`);
    await sleep(100);
  }
}

async function measureStreaming(cockpit: PtyCockpit, model: ModelProcess, scenario: StreamingScenario) {
  const before = { cpu: treeCpuMs(cockpit.pid), tokens: (await model.counts()).tokens, bytes: cockpit.bytes(), bursts: cockpit.bursts(), at: performance.now() };
  await sleep(scenario.cpuWindowMs);
  const after = { cpu: treeCpuMs(cockpit.pid), tokens: (await model.counts()).tokens, bytes: cockpit.bytes(), bursts: cockpit.bursts(), at: performance.now() };
  const tokens = Math.max(1, after.tokens - before.tokens);
  const seconds = (after.at - before.at) / 1000;
  return {
    tokensPerSecondPerAgent: tokens / seconds / scenario.agents,
    cpuMsPer1kTokens: ((after.cpu - before.cpu) * 1000) / tokens,
    bytesPerToken: (after.bytes - before.bytes) / tokens,
    streamingFramesPerSecond: (after.bursts - before.bursts) / seconds,
  };
}

/** Tab `count` times, paced 20–40 ms apart; each latency runs from the write to the chunk that shows the new focus. */
async function measureKeystrokes(cockpit: PtyCockpit, names: readonly string[], count: number): Promise<(number | undefined)[]> {
  const focused = /▶ (p\d+)/.exec(cockpit.line(SUMMARY_ROW))?.[1];
  let at = Math.max(0, names.indexOf(focused ?? names[0] ?? ''));
  const latencies: (number | undefined)[] = [];
  for (let key = 0; key < count; key++) {
    at = (at + 1) % names.length;
    const expected = new RegExp(`▶ ${names[at] ?? ''}(\\s|$)`);
    const sentAt = performance.now();
    cockpit.write('\t');
    try {
      const met = await cockpit.waitUntil((c) => expected.test(c.line(SUMMARY_ROW)), `focus on ${names[at] ?? ''}`, KEY_TIMEOUT_MS);
      latencies.push(met.at - sentAt);
    } catch {
      latencies.push(undefined);
      // Find where focus really is before going on.
      const now = /▶ (p\d+)/.exec(cockpit.line(SUMMARY_ROW))?.[1];
      at = Math.max(0, names.indexOf(now ?? names[0] ?? ''));
    }
    await sleep(20 + Math.random() * 20);
  }
  return latencies;
}

/** Interrupts every agent (`X`), waits until none works, then counts output over the window. */
async function measureIdle(cockpit: PtyCockpit, windowMs: number) {
  cockpit.write('X');
  await cockpit.waitUntil((c) => !/streaming|requesting|retrying|tool/.test(c.line(SUMMARY_ROW)), 'every agent idle', 60_000);
  await sleep(1000);
  const before = { bytes: cockpit.bytes(), bursts: cockpit.bursts() };
  await sleep(windowMs);
  return {
    idleFramesPerSecond: ((cockpit.bursts() - before.bursts) * 1000) / windowMs,
    idleBytes: cockpit.bytes() - before.bytes,
  };
}
