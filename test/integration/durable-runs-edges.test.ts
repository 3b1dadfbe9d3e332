// Issue 15's edges over the real runtime, host, SDK and scripted model: a continue works in the
// run's own directory wherever it is typed (or refuses, record untouched, when that directory is
// gone), and a call that resolved to null has no value, so a continue runs it again, in its own
// session, while answered calls are served from the record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest, ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { readRunRecord } from '../../src/adapters/workflow/run-record-reader.js';
import { prepareContinue } from '../../src/app/workflow/continue-run.js';
import { startRun, type LiveRun, type StartRunOptions } from '../../src/app/workflow/start-run.js';
import type { RunRecordLine } from '../../src/core/workflow/run-record.js';
import { startWorkflowKit, type WorkflowKit } from './workflow-kit.js';

function lastUserText(request: ReceivedRequest): string {
  const last = request.body.messages.at(-1);
  if (last === undefined) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
}

const PAIR = (second: string): string =>
  [
    "export const meta = { name: 'pair', description: 'two calls in turn' };",
    "const a = await agent('first', { label: 'first' });",
    `return [a, await agent('${second}', { label: 'second' })];`,
    '',
  ].join('\n');

let kit: WorkflowKit | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await kit?.close();
  kit = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function runOptions(k: WorkflowKit, cwd: string): Omit<StartRunOptions, 'ref' | 'args'> {
  return { storeDir: k.dir, cwd, home: k.dir, headless: true, approve: 'auto', allow: [], defaultModel: undefined, concurrency: 4, caps: { tokens: null, usd: null }, host: k.host };
}

async function continued(k: WorkflowKit, runId: string, cwd: string): Promise<LiveRun> {
  const prepared = prepareContinue({ ...runOptions(k, cwd), runId, recorded: false });
  if (!prepared.ok) throw new Error(prepared.error);
  const launched = await prepared.value.launch();
  if (!launched.ok) throw new Error(launched.error);
  await launched.value.finished;
  return launched.value;
}

function lines(k: WorkflowKit, runId: string): readonly RunRecordLine[] {
  const record = readRunRecord(k.dir, runId);
  if (!record.ok) throw new Error(record.error);
  return record.value.lines;
}

function journalHeader(k: WorkflowKit, session: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(k.dir, 'journals', `${session}.jsonl`), 'utf8').split('\n')[0] ?? '');
}

const echo = (request: ReceivedRequest): ScriptStep => ({ text: `done: ${lastUserText(request)}` });

describe('durable runs: where a continue works', { timeout: 60_000 }, () => {
  it("a continue typed in another directory works in the run's own: the record names it, a re-run agent's session is started there", async () => {
    kit = await startWorkflowKit(echo);
    const k = kit;
    const script = path.join(k.workspace, 'pair.js');
    fs.writeFileSync(script, PAIR('second'));
    const first = await startRun({ ...runOptions(k, k.workspace), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await first.value.finished;
    expect(lines(k, first.value.id)[0]).toMatchObject({ type: 'meta', cwd: k.workspace });
    fs.writeFileSync(script, PAIR('second, edited'));
    const elsewhere = tempDir('agentmux-elsewhere-');
    const run = await continued(k, first.value.id, elsewhere);
    expect(await run.finished).toEqual({ status: 'completed', result: ['done: first', 'done: second, edited'] });
    const rerun = lines(k, first.value.id).findLast((line) => line.type === 'started');
    if (rerun?.type !== 'started') throw new Error('nothing re-ran');
    expect(rerun.label).toBe('second');
    expect(journalHeader(k, rerun.session)).toMatchObject({ cwd: k.workspace });
  });

  it('a continue of a run whose directory is gone is refused with the directory named, and the record is left as it was', async () => {
    kit = await startWorkflowKit(echo);
    const k = kit;
    const project = tempDir('agentmux-project-');
    const script = path.join(k.workspace, 'pair.js');
    fs.writeFileSync(script, PAIR('second'));
    const first = await startRun({ ...runOptions(k, project), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    await first.value.finished;
    const before = fs.readFileSync(path.join(k.dir, 'runs', first.value.id, 'run.jsonl'), 'utf8');
    fs.rmSync(project, { recursive: true });
    fs.writeFileSync(script, PAIR('second, edited'));
    const refused = prepareContinue({ ...runOptions(k, k.workspace), runId: first.value.id, recorded: false });
    expect(refused).toEqual({ ok: false, error: `run-continue ${first.value.id}: the run works in ${project}, which no longer exists: not continued (the record is unchanged)` });
    expect(fs.readFileSync(path.join(k.dir, 'runs', first.value.id, 'run.jsonl'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(k.dir, 'runs', first.value.id, 'script.2.js'))).toBe(false);
  });
});

describe('durable runs: null answers', { timeout: 60_000 }, () => {
  it('a call that resolved to null (an API error) is run again by a continue, in its own session; the answered call is reused', async () => {
    let refusals = 0;
    kit = await startWorkflowKit((request) => {
      if (lastUserText(request) === 'second' && refusals === 0) {
        refusals += 1;
        return { fault: { kind: 'http', status: 400, errorType: 'invalid_request_error', message: 'scripted: refused once' } };
      }
      return echo(request);
    });
    const k = kit;
    const script = path.join(k.workspace, 'pair.js');
    fs.writeFileSync(script, PAIR('second'));
    const first = await startRun({ ...runOptions(k, k.workspace), ref: script, args: undefined });
    if (!first.ok) throw new Error(first.error);
    expect(await first.value.finished).toEqual({ status: 'completed', result: ['done: first', null] });
    const failed = lines(k, first.value.id).find((line) => line.type === 'failed');
    const started = lines(k, first.value.id).find((line) => line.type === 'started' && line.label === 'second');
    if (failed?.type !== 'failed' || started?.type !== 'started') throw new Error('no failed second call');
    expect(failed.reason).toContain('scripted: refused once');
    expect(k.model.requests).toHaveLength(2);
    const run = await continued(k, first.value.id, k.workspace);
    expect(await run.finished).toEqual({ status: 'completed', result: ['done: first', 'done: second'] });
    // One more request: the null call, retried in its own session; `first` came from the record.
    expect(k.model.requests).toHaveLength(3);
    expect(k.model.requests.slice(2).map(lastUserText)).toEqual(['second']);
    const segment = lines(k, first.value.id).slice(lines(k, first.value.id).findLastIndex((line) => line.type === 'continued') + 1);
    const answered = lines(k, first.value.id).find((line) => line.type === 'started' && line.label === 'first');
    expect(segment.flatMap((line) => (line.type === 'reused' ? [line.key] : []))).toEqual([answered?.type === 'started' ? answered.key : 'none']);
    expect(segment.find((line) => line.type === 'started')).toMatchObject({ agent: started.agent, session: started.session, key: started.key, resumed: true });
  });
});
