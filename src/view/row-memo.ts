// Rendered pane rows remembered from one refresh to the next (issue 17): a streaming pane is
// re-read every frame, but only its last row or two differ from the frame before, so the rows
// that read the same (same spans, looks and width) reuse their content string instead of being
// cut to the width and coloured again.
import type { DisplayLine, Span } from '../core/transcript-view.js';
import { renderSpans } from './line-render.js';

function spanKey(span: Span): string {
  const colours = span.colours;
  if (colours === undefined) return `${span.style}\u0001${span.text}`;
  return `${span.style}\u0002${colours.fg ?? ''},${colours.bg ?? ''},${colours.bold === true ? 1 : 0},${colours.underline === true ? 1 : 0}\u0001${span.text}`;
}

/** The key of a row's look at a width: equal keys render to equal content. */
function rowKey(line: DisplayLine, width: number): string {
  let key = `${width}`;
  for (const span of line.spans) key += `\u0000${spanKey(span)}`;
  return key;
}

/** The content strings of the rows last rendered; holds no more than one refresh's rows. */
export class RowMemo {
  private previous = new Map<string, string>();

  /** The rows' content (as `lineRows` renders them), reusing the last refresh's where they read the same. */
  render(lines: readonly DisplayLine[], width: number): string[] {
    const next = new Map<string, string>();
    const rows = lines.map((line) => {
      const key = rowKey(line, width);
      const content = next.get(key) ?? this.previous.get(key) ?? renderSpans(line.spans, width);
      next.set(key, content);
      return content;
    });
    this.previous = next;
    return rows;
  }

  /** Forgets every row (the pane is gone). */
  clear(): void {
    this.previous = new Map();
  }
}
