// The block that shows a pending write's preview in its pane (see approval-preview.ts): each row
// in its own look, indented like live tool output, wrapped at the pane's width.
import type { PreviewLine } from './approval-preview.js';
import { BlockBuilder, type Block } from './transcript-rows.js';

const GUTTER = '  ┆ ';

/** One block of preview rows, under a header saying what waits for y / a / n. */
export function previewBlock(rows: readonly PreviewLine[]): Block {
  const builder = new BlockBuilder();
  builder.add(`${GUTTER}`, 'dim').add('waiting for your approval — this is what it would write:', 'notice');
  for (const row of rows) builder.newline().add(GUTTER, 'dim').add(row.text, row.style);
  return builder.build();
}
