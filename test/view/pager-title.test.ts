import { afterEach, describe, expect, it } from 'vitest';
import { HELP_TITLE } from '../../src/app/help.js';
import { cockpit, openView, statusModel, type ViewUnderTest } from './view-kit.js';

let current: ViewUnderTest | undefined;
afterEach(() => {
  current?.dispose();
  current = undefined;
});

function openPagerAt80x24(title: string): ViewUnderTest {
  const t = openView(80, 24);
  t.view.update(cockpit([], statusModel({ mode: 'help' })), new Map());
  t.view.openPager({ title, sections: [{ heading: 'Keys', text: '  k  cmd  note' }] });
  t.view.renderNow();
  return t;
}

describe('the pager’s title at 80×24 (B8)', () => {
  it('the help’s title is read whole', async () => {
    current = openPagerAt80x24(HELP_TITLE);
    await current.tty.waitFor((text) => text.includes('note'));
    expect(current.tty.text()).toContain(HELP_TITLE);
  });

  it('a title too long for the box ends in … instead of stopping mid-word', async () => {
    const title = `tool call read_file (${'x'.repeat(90)}) END`;
    current = openPagerAt80x24(title);
    await current.tty.waitFor((text) => text.includes('note'));
    const row = current.tty.text().split('\n').find((line) => line.includes('tool call read_file'));
    expect(row).toMatch(/x…│/);
    expect(row).not.toContain('END');
  });
});
