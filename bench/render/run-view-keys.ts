// The run view's figures of DESIGN.md §6 (issue 14): how long `w` takes to show the run view and
// `j` to move its selection, while a workflow run streams in the cockpit. Each latency runs from
// the key's write to the pty chunk that shows the result; `q` closes the view between opens.
import type { PtyCockpit } from './pty-cockpit.js';

const KEY_TIMEOUT_MS = 5000;

/** Latencies in ms; undefined: the key showed nothing within 5 s. */
export type RunViewLatencies = { readonly open: readonly (number | undefined)[]; readonly move: readonly (number | undefined)[] };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const viewShown = (cockpit: PtyCockpit): boolean => /workflow runs — \d+ rows/u.test(cockpit.screen());

/** Where the selection is: the screen row of `▶` and the first words of that row (its name, not its live counts). */
export function selectedRow(cockpit: PtyCockpit): string | undefined {
  const lines = cockpit.screen().split('\n');
  const y = lines.findIndex((line) => line.includes('│▶'));
  const text = lines[y]?.split('│▶')[1];
  return text === undefined ? undefined : `${y}:${text.trim().split(/\s+/u).slice(0, 3).join(' ')}`;
}

async function timed(cockpit: PtyCockpit, key: string, done: (c: PtyCockpit) => boolean): Promise<number | undefined> {
  const sentAt = performance.now();
  cockpit.write(key);
  try {
    return (await cockpit.waitUntil(done, `the result of ${JSON.stringify(key)}`, KEY_TIMEOUT_MS)).at - sentAt;
  } catch {
    return undefined;
  }
}

/** Opens the run view `opens` times; in each, presses `j` and `k` in turn `movesPerOpen` times; closes it with `q`. */
export async function measureRunView(cockpit: PtyCockpit, opens: number, movesPerOpen: number): Promise<RunViewLatencies> {
  const open: (number | undefined)[] = [];
  const move: (number | undefined)[] = [];
  for (let round = 0; round < opens; round++) {
    open.push(await timed(cockpit, 'w', viewShown));
    await sleep(20 + Math.random() * 20);
    for (let step = 0; step < movesPerOpen; step++) {
      const before = selectedRow(cockpit);
      // Down and up in turn: the selection never reaches an end where a key would not move it.
      move.push(await timed(cockpit, step % 2 === 0 ? 'j' : 'k', (c) => selectedRow(c) !== before));
      await sleep(20 + Math.random() * 20);
    }
    cockpit.write('q');
    await cockpit.waitUntil((c) => !viewShown(c), 'the run view closed', KEY_TIMEOUT_MS);
    await sleep(20 + Math.random() * 20);
  }
  return { open, move };
}
