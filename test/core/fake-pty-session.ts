// A PTY child for core tests: records what is typed, exits when told to (no real pseudo-terminal).
import { Emitter } from '../../src/core/events.js';
import type { PtyExit, PtyLaunchSpec, PtyScreen, PtySession } from '../../src/core/pty-session.js';

/** A child that records what is typed and exits when told to. */
export class FakeSession implements PtySession {
  readonly pid = 4242;
  readonly writes: string[] = [];
  readonly exits = new Emitter<PtyExit>();
  readonly changes = new Emitter<void>();
  bottom = 'ready$ ';
  disposed = false;
  size: [number, number];
  readonly screen: PtyScreen;
  constructor(readonly spec: PtyLaunchSpec) {
    this.size = [spec.cols, spec.rows];
    const bottomText = (): string => this.bottom;
    this.screen = {
      version: 0,
      cols: spec.cols,
      rows: spec.rows,
      length: spec.rows,
      baseY: 0,
      cursor: { x: 0, y: 0, visible: true },
      applicationCursorKeys: false,
      runs: () => [],
      bottomText,
    };
  }
  write(data: string): void {
    this.writes.push(data);
  }
  resize(cols: number, rows: number): void {
    this.size = [cols, rows];
  }
  onScreenChange(listener: () => void) {
    return this.changes.on(listener);
  }
  onExit(listener: (exit: PtyExit) => void) {
    return this.exits.on(listener);
  }
  dispose(): void {
    this.disposed = true;
  }
}

