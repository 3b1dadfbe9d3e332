// Every $VISUAL/$EDITOR session the cockpit opens (`edit N` without TEXT, a held answer's
// `hold-edit`, the composer's C-g) runs through here, on a temp file of its own. At shutdown (a
// signal, a closed terminal) an open editor would otherwise outlive agentmux on the terminal, its
// flow's cleanup never running: `stop` ends each editor (its whole process tree, SIGTERM, then
// SIGKILL after a grace), waits for the flows, and keeps a temp file holding text the person
// saved, saying where, instead of removing it. Nothing the person wrote is lost.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processRuns, processTree, signalEach } from '../adapters/process-tree.js';
import type { CockpitView } from '../view/cockpit-view.js';

/** How one editor round ended: the file's text as saved, the editor's failure, or agentmux stopping. */
export type EditorRound =
  | { readonly kind: 'saved'; readonly text: string }
  | { readonly kind: 'failed'; readonly why: string }
  | { readonly kind: 'stopped' };

/** The temp file a flow edits: each round writes `text` to it and opens the editor on it. */
export type EditorFile = { readonly round: (text: string) => Promise<EditorRound> };

/** What a flow tells about its file: what it holds (for the kept-file notice) and its name. */
export type EditorFileSpec = { readonly what: string; readonly prefix: string; readonly name: string };

/** Time an editor gets to exit on SIGTERM before SIGKILL. */
export const EDITOR_GRACE_MS = 2000;
const POLL_MS = 20;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The cockpit's external editor sessions: opened by the flows, ended by the shutdown. */
export class ExternalEdits {
  private stopping: Promise<void> | undefined;
  private readonly flows = new Set<Promise<unknown>>();
  private readonly editors = new Set<number>();
  private readonly keptFiles: string[] = [];

  constructor(
    private readonly view: CockpitView,
    private readonly log: (line: string) => void,
    private readonly graceMs = EDITOR_GRACE_MS,
  ) {}

  /** Runs `work` over a fresh temp file; the file is removed after it, unless a shutdown stopped it while it held the person's text. */
  withFile<T>(command: string, spec: EditorFileSpec, work: (file: EditorFile) => Promise<T>): Promise<T> {
    const flow = this.run(command, spec, work);
    this.flows.add(flow);
    const forget = (): void => void this.flows.delete(flow);
    void flow.then(forget, forget);
    return flow;
  }

  /** The kept files, one line each (`WHAT: kept in FILE`), for stderr once the screen is gone. */
  kept(): readonly string[] {
    return this.keptFiles;
  }

  /** At shutdown: ends every open editor (bounded), then waits for their flows to settle their files. No editor opens after. */
  stop(): Promise<void> {
    this.stopping ??= this.endEditors();
    return this.stopping.then(async () => {
      await Promise.allSettled([...this.flows]);
    });
  }

  /** The shutdown's ending of the editors, once it began (read afresh after an await). */
  private stopRequested(): Promise<void> | undefined {
    return this.stopping;
  }

  private async endEditors(): Promise<void> {
    // Read each tree before signalling: once `sh -c` dies, the editor it ran has another parent.
    const pids = [...this.editors].flatMap((pid) => processTree(pid));
    if (pids.length === 0) return;
    signalEach(pids, 'SIGTERM');
    const deadline = Date.now() + this.graceMs;
    while (pids.some((pid) => processRuns(pid)) && Date.now() < deadline) await delay(POLL_MS);
    const left = pids.filter((pid) => processRuns(pid));
    if (left.length === 0) return;
    this.log(`editor did not exit on SIGTERM within ${this.graceMs} ms: SIGKILL to ${left.join(', ')}`);
    signalEach(left, 'SIGKILL');
    const killDeadline = Date.now() + this.graceMs;
    while (left.some((pid) => processRuns(pid)) && Date.now() < killDeadline) await delay(POLL_MS);
  }

  private async run<T>(command: string, spec: EditorFileSpec, work: (file: EditorFile) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(join(tmpdir(), spec.prefix));
    const file = join(dir, spec.name);
    let first: string | undefined;
    let stopped = false;
    const round = async (text: string): Promise<EditorRound> => {
      if (this.stopping !== undefined) {
        stopped = true;
        return { kind: 'stopped' };
      }
      first ??= text;
      writeFileSync(file, text);
      let editor: number | undefined;
      const ran = await this.view.editExternally(command, file, (pid) => {
        editor = pid;
        this.editors.add(pid);
      });
      if (editor !== undefined) this.editors.delete(editor);
      const stopping = this.stopRequested();
      if (stopping !== undefined) {
        // The whole tree must be gone before the file is read: an editor under `sh -c` outlives sh.
        await stopping;
        stopped = true;
        return { kind: 'stopped' };
      }
      if (!ran.ok) return { kind: 'failed', why: ran.error };
      return { kind: 'saved', text: readFileSync(file, 'utf8') };
    };
    try {
      return await work({ round });
    } finally {
      this.settle(dir, file, stopped ? first : undefined, spec.what);
    }
  }

  /** Removes the temp directory, unless a stopped edit left text in it other than what agentmux wrote first. */
  private settle(dir: string, file: string, firstOfStopped: string | undefined, what: string): void {
    if (firstOfStopped !== undefined) {
      let now: string | undefined;
      try {
        now = readFileSync(file, 'utf8');
      } catch {
        now = undefined;
      }
      if (now !== undefined && now !== firstOfStopped) {
        const line = `${what}: agentmux stopped while you edited it; what you saved is kept in ${file}`;
        this.keptFiles.push(line);
        this.log(`shutdown while editing: ${line}`);
        return;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
