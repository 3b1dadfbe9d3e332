// `tsx bench/render/profile-summary.ts FILE.cpuprofile [N]`: where a V8 CPU profile of agentmux
// (BENCH_CPU_PROF=DIR npm run bench) spent its time — top functions by self and by total time,
// optionally only between FROM and TO seconds (`FILE N FROM TO`), e.g. the streaming window.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CpuProfile } from './cpu-profile.js';


/** Self and total milliseconds per function (`name file:line`), largest first. */
export function summarizeProfile(
  profile: CpuProfile,
  window: { fromMs: number; toMs: number } = { fromMs: 0, toMs: Number.POSITIVE_INFINITY },
): { self: [string, number][]; total: [string, number][]; totalMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return '?';
    const file = frame.url === '' ? '' : ` ${basename(frame.url)}:${frame.lineNumber + 1}`;
    return `${frame.functionName === '' ? '(anonymous)' : frame.functionName}${file}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  let clockMs = 0;
  profile.samples.forEach((sample, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    clockMs += ms;
    if (clockMs < window.fromMs || clockMs > window.toMs) return;
    totalMs += ms;
    self.set(label(sample), (self.get(label(sample)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
      const name = label(at);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const sorted = (map: Map<string, number>): [string, number][] => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), total: sorted(total), totalMs };
}

const [file, top, from, to] = process.argv.slice(2);
if (file !== undefined) {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const count = Number(top ?? 25);
  // Optional: only the samples between FROM and TO seconds after the profile began.
  const summary = summarizeProfile(profile, { fromMs: Number(from ?? 0) * 1000, toMs: to === undefined ? Number.POSITIVE_INFINITY : Number(to) * 1000 });
  const idle = summary.self.find(([name]) => name.startsWith('(idle)'))?.[1] ?? 0;
  console.log(`${file}: ${summary.totalMs.toFixed(0)} ms sampled, ${(summary.totalMs - idle).toFixed(0)} ms busy`);
  console.log('self time:');
  for (const [name, ms] of summary.self.slice(0, count)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  console.log('total time:');
  for (const [name, ms] of summary.total.slice(0, count)) console.log(`  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
}
