// Writes `ctl events` lines to one client without ever making the cockpit wait (DESIGN.md §5):
// while the socket is backed up (write() said false, until 'drain'), lines wait in a bounded
// queue; past its bound they are counted and dropped, and the reader is told in-band with
// `{"type":"dropped","count":N}` where the gap is, once the socket drains.

/** The part of a socket the writer uses. */
export type LineSink = {
  write(chunk: string): boolean;
  on(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
};

/** Bytes of lines a backed-up connection may hold before lines are dropped. */
export const DEFAULT_EVENT_BUFFER_BYTES = 256 * 1024;

/** One client's event stream: `push` never blocks and never buffers more than the bound. */
export class EventWriter {
  private blocked = false;
  private readonly queue: string[] = [];
  private queuedBytes = 0;
  private dropped = 0;
  private readonly onDrain = (): void => this.flush();

  constructor(
    private readonly sink: LineSink,
    private readonly limitBytes: number = DEFAULT_EVENT_BUFFER_BYTES,
  ) {
    sink.on('drain', this.onDrain);
  }

  /** Lines dropped so far and not yet reported to the reader. */
  get pendingDrops(): number {
    return this.dropped;
  }

  /** Sends one line (`text` without its newline) now, queues it, or drops it when the queue is full. */
  push(text: string): void {
    const line = `${text}\n`;
    if (!this.blocked) {
      this.blocked = !this.sink.write(line);
      return;
    }
    const bytes = Buffer.byteLength(line);
    if (this.dropped === 0 && this.queuedBytes + bytes <= this.limitBytes) {
      this.queue.push(line);
      this.queuedBytes += bytes;
      return;
    }
    this.dropped += 1;
  }

  /**
   * The cockpit is closing cleanly: hands the socket everything still queued, the drop count,
   * then `last` (the shutdown notice), whatever the bound, so the reader can tell a clean end
   * from a cockpit that died. The caller ends the socket after.
   */
  finish(last: string): void {
    const lines = this.queue.splice(0);
    this.queuedBytes = 0;
    if (this.dropped > 0) lines.push(`${JSON.stringify({ type: 'dropped', count: this.dropped })}\n`);
    this.dropped = 0;
    for (const line of [...lines, `${last}\n`]) this.sink.write(line);
    this.blocked = true;
  }

  /** Stops listening for 'drain' (the connection is closing). */
  dispose(): void {
    this.sink.off('drain', this.onDrain);
    this.queue.length = 0;
  }

  private flush(): void {
    this.blocked = false;
    while (!this.blocked) {
      const line = this.queue.shift();
      if (line === undefined) break;
      this.queuedBytes -= Buffer.byteLength(line);
      this.blocked = !this.sink.write(line);
    }
    if (this.blocked || this.dropped === 0) return;
    const count = this.dropped;
    this.dropped = 0;
    this.blocked = !this.sink.write(`${JSON.stringify({ type: 'dropped', count })}\n`);
  }
}
