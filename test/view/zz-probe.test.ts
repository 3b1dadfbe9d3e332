import { it } from 'vitest';
import { cockpit, openView, paneModel } from './view-kit.js';
import { FakeTranscript } from './terminal-harness.js';
it('probe', async () => {
  const { view, tty, dispose } = openView(40, 10);
  const rows = ['😀 123456789', '😀😀 1234567', '漢 123456789', 'abcdefghijkl', '😀 12345678'];
  const transcript = new FakeTranscript(rows.length, (index) => ({ spans: [{ text: rows[index] ?? '', style: 'assistant' }], cells: 0 }));
  view.update(cockpit([paneModel('alpha', 1, { transcript })]), new Map([['alpha', { x: 0, y: 0, width: 14, height: 8 }]]));
  await tty.waitFor((text) => text.includes('abc'));
  console.log(tty.text());
  dispose();
});
