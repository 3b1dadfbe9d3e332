// Issue 9, item 5: a bash call that hunts for the API key in agentmux's /proc environ finds
// nothing under the sandbox, and even unsandboxed, the key (plain or base64) is in neither the
// journal nor the next request the model receives.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeMessage, useWorld, waitForState, type World } from './e2e-kit.js';

const KEY = 'sk-ant-secret-KEY-0123456789abcdef';
// The probe's command, plus the same output in base64 at three alignments.
const HUNT =
  'for p in $(pgrep -f agentmux.js); do tr "\\0" "\\n" < /proc/$p/environ | grep -a ANTHROPIC_API; done > hunt.txt; ' +
  'cat hunt.txt; base64 -w0 hunt.txt; echo; (printf x; cat hunt.txt) | base64 -w0; echo; (printf xy; cat hunt.txt) | base64 -w0; echo';

const openWorld = useWorld();

/** Every form the key could take in a text: itself and its base64 at each alignment. */
function leaks(text: string): boolean {
  if (text.includes(KEY)) return true;
  for (const prefix of ['', 'x', 'xy']) {
    const encoded = Buffer.from(`${prefix}ANTHROPIC_API_KEY=${KEY}`).toString('base64');
    if (text.includes(encoded.slice(4 + prefix.length * 2, -4))) return true;
  }
  return false;
}

/** All text of the store: journals, blobs, catalog. */
function storeText(dir: string): string {
  let text = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += readFileSync(join(entry.parentPath, entry.name), 'latin1');
  }
  return text;
}

async function huntForKey(env: Readonly<Record<string, string>>): Promise<World> {
  const target = await openWorld({
    agents: ['alpha'],
    approval: { approve: 'auto' },
    script: [{ text: 'Looking.', toolUses: [{ name: 'bash', input: { command: HUNT } }] }, { text: 'Done looking.' }],
  });
  const app = await target.launch({ ANTHROPIC_API_KEY: KEY, ...env });
  // Unsandboxed, the cockpit says so as it opens.
  if (env['AGENTMUX_SANDBOX'] === 'off') await app.waitFor('bash is not sandboxed: turned off by AGENTMUX_SANDBOX=off');
  await typeMessage(app, 'alpha', 'find the key');
  await app.waitFor('Done looking.');
  await waitForState(app, 'alpha', 'idle');
  return target;
}

describe('the API key never leaves the process', { timeout: 60_000 }, () => {
  it('is out of reach of a sandboxed bash call: agentmux /proc is invisible', async () => {
    const target = await huntForKey({});
    const request = JSON.stringify(target.model.requests[1]?.body ?? {});
    expect(request).toContain('tool_result');
    expect(leaks(request)).toBe(false);
    expect(leaks(storeText(target.sessions))).toBe(false);
    expect(readFileSync(join(target.workspace, 'hunt.txt'), 'utf8')).toBe('');
  });

  it('is redacted, plain and base64, from the journal and the next request of an unsandboxed call', async () => {
    const target = await huntForKey({ AGENTMUX_SANDBOX: 'off' });
    // The hunt did find it (it is in the workspace file the command wrote) …
    expect(readFileSync(join(target.workspace, 'hunt.txt'), 'utf8')).toContain(KEY);
    // … yet the model and the store never saw it.
    const request = JSON.stringify(target.model.requests[1]?.body ?? {});
    expect(request).toContain('[redacted: API key]');
    expect(leaks(request)).toBe(false);
    const journals = storeText(join(target.sessions, 'journals'));
    expect(journals).toContain('[redacted: API key]');
    expect(leaks(journals)).toBe(false);
    // hunt.txt's version is recorded (rewind knows it changed), by its hash only: no blob holds it.
    expect(leaks(storeText(target.sessions))).toBe(false);
  });

  it('says in the approval line that a bash call runs unsandboxed', async () => {
    const target = await openWorld({
      agents: ['alpha'],
      script: [{ text: 'Listing.', toolUses: [{ name: 'bash', input: { command: 'ls' } }] }, { text: 'Listed.' }],
    });
    const app = await target.launch({ AGENTMUX_SANDBOX: 'off' });
    await typeMessage(app, 'alpha', 'list');
    await app.waitFor('⚠ not sandboxed (turned off by AGENTMUX_SANDBOX=off)');
    app.write('y');
    await app.waitFor('Listed.');
  });
});
