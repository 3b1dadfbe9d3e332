// e2e: broadcast with `b` (receipts overlay), pause/resume with `p`, retry after errors;
// the status bar reporting the broadcast after `b`.
import { describe, expect, it } from 'vitest';
import {
  activeBranch,
  entriesOf,
  eventually,
  gate,
  readJournal,
  replyScript,
  requestConversation,
  runCommand,
  typeMessage,
  useWorld,
  waitForState,
} from './e2e-kit.js';
import { KEYS } from './terminal-driver.js';

const openWorld = useWorld();

const answerEcho = replyScript((text, request) => ({ text: `answer ${request.index} to ${text}` }));

describe('agentmux e2e: broadcast, pause, retry', { timeout: 60_000 }, () => {
  it('b broadcasts a nudge: the overlay shows each agent outcome and the next key closes it and acts', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    // beta paused: its copy is queued, alpha (idle) starts a turn at once.
    app.write(KEYS.tab);
    await app.waitFor(/▶ 2 beta/);
    app.write('p');
    await waitForState(app, 'beta', 'paused');
    app.write('1');
    await app.waitFor(/▶ 1 alpha/);

    app.write('b');
    await app.waitFor('broadcast a nudge to every agent');
    app.write('regroup now');
    app.write(KEYS.enter);
    await app.waitFor(/alpha +delivered/);
    await app.waitFor(/beta +queued/);
    await app.waitFor('any key closes');
    await world.model.waitFor(() => world.model.requests.length === 1);
    expect(requestConversation(world.model, 0)).toEqual([{ role: 'user', text: 'regroup now' }]);

    // Tab closes the overlay and still moves the focus to beta.
    app.write(KEYS.tab);
    await app.waitUntil(
      (screen) => !screen.includes('any key closes'),
      'the receipts overlay to close',
    );
    await app.waitFor(/▶ 2 beta/);
    app.write('p');
    await world.model.waitFor(() => world.model.requests.length === 2);
    await app.waitFor('answer 1 to regroup now');
    expect(requestConversation(world.model, 1)).toEqual([{ role: 'user', text: 'regroup now' }]);

    for (const agent of ['alpha', 'beta']) {
      const users = await eventually(
        () => entriesOf(readJournal(world.sessions, agent)).filter((e) => e.kind === 'user'),
        (u) => u.length === 1,
        `${agent}'s broadcast entry`,
      );
      expect(users[0]).toMatchObject({ origin: 'broadcast', opensTurn: true });
    }
    expect(world.model.rejections).toEqual([]);
  });

  it('p pauses the focused agent (messages wait, no request) and p again resumes it', async () => {
    const world = await openWorld({ script: answerEcho });
    const app = await world.launch();
    app.write('p');
    await waitForState(app, 'alpha', 'paused');
    await typeMessage(app, 'alpha', 'wait for me');

    // beta still works; once its answer is in, alpha has had every chance to send and did not.
    app.write(KEYS.tab);
    await typeMessage(app, 'beta', 'beta works');
    await app.waitFor('answer 0 to beta works');
    expect(world.model.requests).toHaveLength(1);
    await waitForState(app, 'alpha', 'paused');

    app.write('1');
    await app.waitFor(/▶ 1 alpha/);
    app.write('p');
    await app.waitFor('answer 1 to wait for me');
    await waitForState(app, 'alpha', 'idle');
    expect(requestConversation(world.model, 1)).toEqual([{ role: 'user', text: 'wait for me' }]);
    expect(requestConversation(world.model, 0)).toEqual([{ role: 'user', text: 'beta works' }]);
  });

  it('p on a working agent pauses it at the next safe point: the tool result lands, the next model call waits for p', async () => {
    const middle = gate();
    const world = await openWorld({
      script: [
        {
          text: 'Reading the readme first.',
          toolUses: [{ name: 'read_file', input: { path: 'README.md' } }],
          hold: { afterDeltas: 1, until: middle.until },
        },
        { text: 'The readme is read.' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'look around');
    await world.model.waitForDeltas(0, 1);
    app.write('p');
    await app.waitFor('pausing at the next safe point');
    middle.release();
    await waitForState(app, 'alpha', 'paused');
    const sessions = world.sessions;
    const branch = await eventually(
      () => activeBranch(readJournal(sessions, 'alpha')),
      (b) => b.length === 3,
      'the tool result',
    );
    expect(branch.map((e) => e.kind)).toEqual(['user', 'assistant', 'tool-result']);
    expect(world.model.requests).toHaveLength(1);

    app.write('p');
    await app.waitFor('The readme is read.');
    await waitForState(app, 'alpha', 'idle');
    const messages = world.model.requests[1]?.body.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(messages[2]?.content)).toContain('tool_result');
    expect(world.model.rejections).toEqual([]);
  });

  it('p during the last answer of a turn leaves the agent paused once the answer is in', async () => {
    const middle = gate();
    const world = await openWorld({
      script: [
        { text: 'Final words of this turn.', hold: { afterDeltas: 1, until: middle.until } },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'finish up');
    await world.model.waitForDeltas(0, 1);
    app.write('p');
    await app.waitFor('pausing at the next safe point');
    middle.release();
    await app.waitFor('Final words of this turn.');
    await waitForState(app, 'alpha', 'paused');
  });

  it(':retry after a non-retriable error sends the same request again and the answer lands on the branch', async () => {
    const world = await openWorld({
      script: [
        {
          fault: {
            kind: 'http',
            status: 400,
            errorType: 'invalid_request_error',
            message: 'scripted refusal',
          },
        },
        { text: 'recovered answer' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'try this');
    await waitForState(app, 'alpha', 'error');
    await app.waitFor('scripted refusal');
    expect(world.model.requests).toHaveLength(1);

    await runCommand(app, 'retry');
    await app.waitFor('recovered answer');
    await waitForState(app, 'alpha', 'idle');
    expect(world.model.requests).toHaveLength(2);
    expect(world.model.requests[1]?.body.messages).toEqual(world.model.requests[0]?.body.messages);
    const branch = activeBranch(readJournal(world.sessions, 'alpha'));
    expect(branch.map((e) => e.kind)).toEqual(['user', 'assistant']);
    expect(branch[1]).toMatchObject({ blocks: [{ type: 'text', text: 'recovered answer' }] });
    expect(world.model.rejections).toEqual([]);
  });

  it('a 500 puts the agent in retrying and the identical request is sent again by itself', async () => {
    const world = await openWorld({
      script: [
        {
          fault: { kind: 'http', status: 500, errorType: 'api_error', message: 'scripted outage' },
        },
        { text: 'back again' },
      ],
    });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'are you there');
    await waitForState(app, 'alpha', 'retrying');
    await app.waitFor('back again');
    expect(world.model.requests[1]?.body.messages).toEqual(world.model.requests[0]?.body.messages);
    expect(activeBranch(readJournal(world.sessions, 'alpha')).map((e) => e.kind)).toEqual([
      'user',
      'assistant',
    ]);
  });

  it('after b the status bar reports that broadcast, not the command before it', async () => {
    const world = await openWorld({ script: replyScript((text) => ({ text: `answer to ${text}` })) });
    const app = await world.launch();
    await typeMessage(app, 'alpha', 'first');
    await app.waitFor('sent to alpha');
    await app.waitFor('answer to first');
    app.write('b');
    await app.waitFor('broadcast a nudge to every agent');
    app.write('regroup');
    app.write(KEYS.enter);
    await app.waitFor('any key closes');
    app.write(KEYS.escape);
    await app.waitUntil((screen) => !screen.includes('any key closes'), 'the receipts to close');
    await app.waitUntil(
      () => app.line(-2).includes('broadcast: alpha delivered') && !app.line(-2).includes('sent to alpha'),
      'the broadcast receipts in the status bar',
    );
  });
});
