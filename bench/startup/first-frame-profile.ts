// `npx tsx bench/startup/first-frame-profile.ts DIR`: where agentmux's cold start spends its time
// up to the end of its first frame, from the V8 profiles the startup bench writes
// (`BENCH_STARTUP=cold BENCH_CPU_PROF=DIR npx tsx bench/startup/main.ts`): each sample before the
// first `renderNow` returns is put in one phase (first match below), medians over the profiles.
// Profiled times run ~1.3× slow (the sampler), so read them as shares, not as the bench's figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { quantile } from '../stats.js';

const Frame = z.object({ functionName: z.string(), url: z.string() });
const Profile = z.object({
  nodes: z.array(z.object({ id: z.number(), callFrame: Frame, children: z.array(z.number()).optional() })),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type Frame = z.infer<typeof Frame>;

/** Whether a bundle chunk holds zod (esbuild marks each module's code with a `// node_modules/…` line). */
const zodChunks = new Map<string, boolean>();
function isZod(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  let known = zodChunks.get(url);
  if (known === undefined) {
    const path = fileURLToPath(url);
    known = existsSync(path) && readFileSync(path, 'utf8').includes('// node_modules/zod/');
    zodChunks.set(url, known);
  }
  return known;
}

const named = (stack: readonly Frame[], ...names: string[]): boolean => stack.some((frame) => names.includes(frame.functionName));
const from = (stack: readonly Frame[], pattern: RegExp): boolean => stack.some((frame) => pattern.test(frame.url));

/** Phases of a cold start, tested in order on a sample's stack (innermost frame first). */
const PHASES: readonly (readonly [string, (stack: readonly Frame[]) => boolean])[] = [
  ['bin/agentmux.js: is dist/ current', (stack) => named(stack, 'newestSource', 'distIsCurrent')],
  ["blessed: terminfo read and compile (Tput)", (stack) => named(stack, 'Tput')],
  ['blessed: screen buffers (Screen.alloc)', (stack) => named(stack, 'Screen.alloc')],
  ["blessed: loading its modules (require)", (stack) => named(stack, 'widgetClass')],
  ['blessed: Program and Screen set-up', (stack) => named(stack, 'createScreen')],
  ['drawing the first frame (renderNow)', (stack) => named(stack, 'renderNow')],
  ['layout check and store lock (checkBeforeScreen)', (stack) => named(stack, 'checkBeforeScreen')],
  ['garbage collection', (stack) => stack[0]?.functionName === '(garbage collector)'],
  ['compiling JavaScript (ESM and CommonJS)', (stack) => ['compileSourceTextModule', 'wrapSafe', 'compileFunction'].includes(stack[0]?.functionName ?? '')],
  ['zod: its module and the schemas built at load', (stack) => stack.some((frame) => isZod(frame.url))],
  ['our modules: top level', (stack) => from(stack, /dist\/src\/|src\/.*\.ts/)],
  ['Node: module loader, built-ins, bootstrap', (stack) => stack.every((frame) => frame.url === '' || frame.url.startsWith('node:'))],
  ['other', () => true],
];

/** Milliseconds per phase in one profile, up to the end of the first frame. */
export function firstFramePhases(text: string): Map<string, number> {
  const profile = Profile.parse(JSON.parse(text));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackOf = (id: number): Frame[] => {
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node !== undefined) stack.push(node.callFrame);
    }
    return stack;
  };
  const phases = new Map<string, number>(PHASES.map(([name]) => [name, 0]));
  let drawing = false;
  for (const [index, id] of profile.samples.entries()) {
    const stack = stackOf(id);
    const inRender = named(stack, 'renderNow');
    if (drawing && !inRender) break;
    drawing ||= inRender;
    const phase = PHASES.find(([, test]) => test(stack))?.[0] ?? 'other';
    phases.set(phase, (phases.get(phase) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
  }
  return phases;
}

const dir = process.argv[2];
if (dir !== undefined) {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  const all = files.map((name) => firstFramePhases(readFileSync(join(dir, name), 'utf8')));
  const total = quantile(all.map((phases) => [...phases.values()].reduce((sum, ms) => sum + ms, 0)), 0.5);
  console.log(`${files.length} profiles; up to the end of the first frame: median ${total.toFixed(0)} profiled ms`);
  for (const [name] of PHASES) {
    const ms = quantile(all.map((phases) => phases.get(name) ?? 0), 0.5);
    console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)}%  ${name}`);
  }
}
