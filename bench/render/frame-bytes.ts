// `tsx bench/render/frame-bytes.ts [AGENTS] [SECONDS] [WARM-UP SECONDS]`: what agentmux writes to the terminal per
// frame while N agents stream — bytes by screen row (status bar, pane titles, pane text), by kind
// (cursor moves, SGR, text) and how many rows a frame rewrites — to see where bytes per token go.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentmuxEntry } from './agentmux-entry.js';
import { agentNames, firstFrameShown, launchCockpit, quitCockpit, ROWS, writeLayout } from './cockpit-world.js';
import { startModelProcess } from './model-process.js';

const ESC = String.fromCharCode(0x1b);
const CUP = new RegExp(`${ESC}\\[(\\d+);(\\d+)H`, 'g');
const SGR = new RegExp(`${ESC}\\[[\\d;]*m`, 'g');
const OTHER_CSI = new RegExp(`${ESC}\\[[?\\d;]*[A-Za-z]`, 'g');

/** Bytes of `chunk` split by the row each cursor move lands on (row 0: before any move). */
export function bytesByRow(chunk: string): Map<number, { text: number; sgr: number; moves: number }> {
  const rows = new Map<number, { text: number; sgr: number; moves: number }>();
  let row = 0;
  let last = 0;
  const add = (segment: string, moveBytes: number): void => {
    const sgr = (segment.match(SGR) ?? []).reduce((sum, s) => sum + s.length, 0);
    const other = (segment.replace(SGR, '').match(OTHER_CSI) ?? []).reduce((sum, s) => sum + s.length, 0);
    const entry = rows.get(row) ?? { text: 0, sgr: 0, moves: 0 };
    entry.sgr += sgr;
    entry.moves += moveBytes + other;
    entry.text += Buffer.byteLength(segment) - sgr - other;
    rows.set(row, entry);
  };
  for (const match of chunk.matchAll(CUP)) {
    add(chunk.slice(last, match.index), 0);
    row = Number(match[1]);
    last = match.index + match[0].length;
    add('', match[0].length);
  }
  add(chunk.slice(last), 0);
  return rows;
}

const agents = Number(process.argv[2] ?? 8);
const seconds = Number(process.argv[3] ?? 4);
const warmSeconds = Number(process.argv[4] ?? 3);
const repo = join(import.meta.dirname, '..', '..');
const scratch = join(repo, '.bench-tmp', 'frame-bytes');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
const entry = await agentmuxEntry(repo, scratch);
const model = await startModelProcess();
const layoutPath = writeLayout(scratch, agents);
const cockpit = launchCockpit({ entry, dir: scratch, layoutPath, sessions: join(scratch, 'sessions'), modelUrl: model.url });
try {
  await cockpit.waitUntil(firstFrameShown, 'the first frame', 60_000);
  cockpit.write(':');
  await cockpit.waitUntil((c) => c.line(-1).startsWith(':'), 'the prompt', 30_000);
  cockpit.write('broadcast explain the failing parser test, in detail\r');
  await sleep(warmSeconds * 1000);
  const tokens0 = (await model.counts()).tokens;
  const frames: string[] = [];
  let current = '';
  let lastAt = 0;
  const untap = cockpit.tap((data) => {
    const at = performance.now();
    if (at - lastAt > 2 && current !== '') {
      frames.push(current);
      current = '';
    }
    current += data;
    lastAt = at;
  });
  await sleep(seconds * 1000);
  untap();
  const tokens = (await model.counts()).tokens - tokens0;
  const names = agentNames(agents);
  const screen = cockpit.screen().split('\n');
  const titleRows = new Set<number>();
  screen.forEach((line, y) => {
    if (names.some((name) => line.includes(` ${name} `)) && /[┌─]/.test(line)) titleRows.add(y + 1);
  });
  const sums = { status: 0, titles: 0, text: 0, sgr: 0, moves: 0, chars: 0, all: 0 };
  let rowWrites = 0;
  for (const frame of frames) {
    const rows = bytesByRow(frame);
    for (const [row, entry] of rows) {
      const total = entry.text + entry.sgr + entry.moves;
      sums.all += total;
      sums.sgr += entry.sgr;
      sums.moves += entry.moves;
      sums.chars += entry.text;
      if (row >= ROWS - 1) sums.status += total;
      else if (titleRows.has(row)) sums.titles += total;
      else sums.text += total;
      if (row > 0) rowWrites += 1;
    }
  }
  const per = (value: number): string => (value / Math.max(1, tokens)).toFixed(1);
  console.log(`${agents} agents, ${seconds} s: ${frames.length} frames, ${tokens} tokens, ${per(sums.all)} B/token`);
  console.log(`  by row: status bar ${per(sums.status)} · pane titles ${per(sums.titles)} · pane text ${per(sums.text)} B/token`);
  console.log(`  by kind: cursor moves ${per(sums.moves)} · SGR ${per(sums.sgr)} · characters ${per(sums.chars)} B/token`);
  console.log(`  row writes per frame: ${(rowWrites / Math.max(1, frames.length)).toFixed(1)}; per token ${(rowWrites / Math.max(1, tokens)).toFixed(2)}`);
  const sample = frames[Math.floor(frames.length / 2)] ?? '';
  console.log(`  a middle frame (${sample.length} chars): ${JSON.stringify(sample.slice(0, 600))}`);
  cockpit.write('X');
  await sleep(500);
  await quitCockpit(cockpit);
} finally {
  cockpit.kill();
  await model.close();
}
