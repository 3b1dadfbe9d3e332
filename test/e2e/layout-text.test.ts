// Issue 9, item 9: a layout file is untrusted text (shared, committed, downloaded). Its name
// (the terminal title), an agent's model (the pane title), its prompt (the pane) and its
// errors (stderr) reach the terminal with no escape sequence of their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerEcho, runAgentmux, tempDir, useWorld } from './e2e-kit.js';

// The probe's payload: ends the title, writes the clipboard (OSC 52), clears the screen, and a C1 CSI.
const PAYLOAD = 't\u0007\u001b]52;c;TEFZT1VUQ0xJUA==\u0007\u001b[2J\u009b31m\u202eevil';

/** The OSC strings in raw terminal output: `ESC ]` up to BEL or ST. */
function oscStrings(output: string): string[] {
  const found: string[] = [];
  let at = output.indexOf('\u001b]');
  while (at >= 0) {
    const bel = output.indexOf('\u0007', at);
    const st = output.indexOf('\u001b\\', at + 2);
    const ends = [bel, st].filter((end) => end >= 0);
    const end = ends.length === 0 ? output.length : Math.min(...ends);
    found.push(output.slice(at + 2, end));
    at = output.indexOf('\u001b]', end);
  }
  return found;
}

/** Whether text has a C0 control other than newline, a C1 control, or a bidi override. */
function hasRawControl(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code < 0x20 && code !== 0x0a) || (code >= 0x80 && code <= 0x9f) || code === 0x202e;
  });
}

const openWorld = useWorld();

describe('layout text reaches the terminal sanitized', () => {
  it('draws the layout name in the terminal title with its controls visible, and the model and prompt without escapes', async () => {
    const world = await openWorld({ agents: ['alpha'], script: answerEcho });
    const layout: unknown = JSON.parse(readFileSync(world.layoutPath, 'utf8'));
    const agent = { name: 'alpha', cwd: world.workspace, model: `m${PAYLOAD}`, prompt: `hello ${PAYLOAD}` };
    writeFileSync(world.layoutPath, JSON.stringify({ ...(typeof layout === 'object' ? layout : {}), name: PAYLOAD, agents: [agent] }));
    const app = await world.launch();
    await app.waitFor('answer to hello');
    const output = app.output();
    // The only OSC strings are agentmux's own title (OSC 0/2), holding the name drawn visibly.
    const oscs = oscStrings(output);
    expect(oscs.length).toBeGreaterThan(0);
    for (const osc of oscs) expect(osc).toMatch(/^[02];agentmux — /u);
    expect(oscs.some((osc) => osc.includes('t␇␛]52;c;TEFZT1VUQ0xJUA==␇␛[2J<U+009B>31m<U+202E>evil'))).toBe(true);
    expect(output).not.toContain('\u001b]52');
    expect(output).not.toContain('\u001b[2J\u009b');
    expect(output).not.toMatch(/[\u0080-\u009f\u202e]/u);
  });

  it('prints a layout error naming a bad split child with its controls visible', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ name: 'x', agents: [{ name: 'a' }], tiling: { split: 'rows', children: ['a', `b${PAYLOAD}`] } }));
    const ran = await runAgentmux(['--layout', path, '--sessions', join(dir, 's')], dir);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('no agent named "bt␇␛]52;c;TEFZT1VUQ0xJUA==␇␛[2J<U+009B>31m<U+202E>evil"');
    expect(hasRawControl(ran.stderr)).toBe(false);
  });
});
