// `tsx bench/render/long-tasks.ts FILE.cpuprofile [MIN_MS] [TOP]`: the long tasks of a V8 CPU
// profile of agentmux — stretches of main-thread work with no idle sample between them, at least
// MIN_MS long (default 8) — and which functions fill them (total time inside long tasks), so a
// key p99 can be traced to the work that delays a key.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuProfile } from './cpu-profile.js';


type Task = { readonly startMs: number; readonly ms: number; readonly samples: readonly number[] };

/** Splits the samples into busy stretches separated by `(idle)` samples. */
export function busyStretches(profile: CpuProfile): Task[] {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const tasks: Task[] = [];
  let clock = 0;
  let current: { startMs: number; ms: number; samples: number[] } | undefined;
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    clock += (profile.timeDeltas[index] ?? 0) / 1000;
    if (idle.has(sample)) {
      if (current !== undefined) tasks.push(current);
      current = undefined;
      return;
    }
    current ??= { startMs: clock, ms: 0, samples: [] };
    current.ms += ms;
    current.samples.push(sample);
  });
  if (current !== undefined) tasks.push(current);
  return tasks;
}

/** Maps (url, line) of an esbuild bundle chunk to the src/ module it came from (`// src/…` comments). */
function bundleModules(): (url: string, line: number) => string | undefined {
  const cache = new Map<string, { line: number; module: string }[]>();
  return (url, line) => {
    if (!url.startsWith('file://') || !url.includes('/dist/src/')) return undefined;
    let starts = cache.get(url);
    if (starts === undefined) {
      starts = [];
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          if (text.startsWith('// src/')) starts?.push({ line: index + 1, module: text.slice(3) });
        });
      cache.set(url, starts);
    }
    let found: string | undefined;
    for (const start of starts) if (start.line <= line) found = start.module;
    return found;
  };
}

const [file, minArg, topArg] = process.argv.slice(2);
if (file !== undefined) {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const minMs = Number(minArg ?? 8);
  const top = Number(topArg ?? 40);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return '?';
    const at = frame.url === '' ? '' : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
    return `${frame.functionName === '' ? '(anonymous)' : frame.functionName}${at}`;
  };
  const tasks = busyStretches(profile);
  const long = tasks.filter((task) => task.ms >= minMs);
  const sampleMs = tasks.reduce((sum, t) => sum + t.ms, 0) / Math.max(1, tasks.reduce((sum, t) => sum + t.samples.length, 0));
  const total = new Map<string, number>();
  for (const task of long) {
    const inTask = new Set<string>();
    for (const sample of task.samples) {
      const seen = new Set<string>();
      for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
        const name = label(at);
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + sampleMs);
        inTask.add(name);
      }
    }
  }
  const hist = [8, 16, 32, 64, 128].map((edge) => `≥${edge}: ${tasks.filter((t) => t.ms >= edge).length}`).join(' · ');
  console.log(`${file}: ${tasks.length} busy stretches, ${long.length} ≥ ${minMs} ms (${long.reduce((s, t) => s + t.ms, 0).toFixed(0)} ms) · ${hist}`);
  console.log('longest:');
  for (const task of [...long].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    const self = new Map<string, number>();
    for (const s of task.samples) self.set(label(s), (self.get(label(s)) ?? 0) + 1);
    const heavy = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, c]) => `${n} ×${c}`).join(', ');
    console.log(`  at ${(task.startMs / 1000).toFixed(2)} s: ${task.ms.toFixed(1)} ms — ${heavy}`);
  }
  const selfByModule = new Map<string, number>();
  const moduleOf = bundleModules();
  for (const task of long) {
    for (const sample of task.samples) {
      const frame = byId.get(sample)?.callFrame;
      const name = frame === undefined ? '?' : moduleOf(frame.url, frame.lineNumber + 1) ?? (frame.url === '' ? frame.functionName : basename(frame.url));
      selfByModule.set(name, (selfByModule.get(name) ?? 0) + sampleMs);
    }
  }
  console.log('self time inside long tasks, by module (bundle chunks mapped to src/ by their module comments):');
  for (const [name, ms] of [...selfByModule.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  console.log(`total time inside long tasks, by function:`);
  for (const [name, ms] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}
