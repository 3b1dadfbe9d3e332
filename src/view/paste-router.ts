// Keeps pasted text from ever acting as keys (B2). blessed reads every input chunk as keys right
// after the program's 'data' event for it: a chunk that held pasted text has its keys swallowed,
// its pastes handed over whole, and its typed parts fed back alone, in order.
import type blessed from 'blessed';
import { normalizePaste, PasteSplitter } from './paste-input.js';

/** Splits the screen's input into keys and pastes; the view asks `swallowKeys` on each keypress. */
export class PasteRouter {
  private readonly splitter = new PasteSplitter();
  private swallowing = false;
  private feedingBack = false;

  constructor(
    private readonly program: blessed.BlessedProgram,
    private readonly deliver: (text: string) => void,
  ) {}

  /** True while blessed is reading keys out of a chunk that held pasted text. */
  get swallowKeys(): boolean {
    return this.swallowing;
  }

  /** One decoded input chunk, seen before blessed reads it as keys. */
  onData(text: string): void {
    if (this.feedingBack) {
      this.swallowing = false;
      return;
    }
    const { parts, touchedPaste } = this.splitter.split(text);
    this.swallowing = touchedPaste;
    if (!touchedPaste) return;
    for (const part of parts) {
      if (part.kind === 'paste') {
        const pasted = normalizePaste(part.text);
        if (pasted !== '') this.deliver(pasted);
      } else {
        this.feedBack(part.text);
      }
    }
    this.swallowing = true;
  }

  private feedBack(typed: string): void {
    this.feedingBack = true;
    try {
      this.program.input.emit('data', Buffer.from(typed, 'utf8'));
    } finally {
      this.feedingBack = false;
      this.swallowing = true;
    }
  }
}
