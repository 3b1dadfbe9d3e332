// The turn-phase table: every allowed move lands where it should, every other move is refused
// and leaves the phase as it was.
import { describe, expect, it } from 'vitest';
import { isPauseHeld, isTurnOpen, nextPhase, pendingAbort, type Step, type TurnEvent, type TurnPhase } from '../../src/core/turn-phase.js';

const loop = Promise.resolve();
const other = Promise.resolve();
const controller = new AbortController();
const fresh = new AbortController();

const running = (turnOpen: boolean, hold: 'none' | 'pause' | 'close', step: Step): TurnPhase => ({ kind: 'running', loop, turnOpen, hold, step });
const between: Step = { kind: 'between' };
const abortable: Step = { kind: 'abortable', controller };
const aborting: Step = { kind: 'aborting', controller, intent: 'interrupt' };
const aborted: Step = { kind: 'aborted', intent: 'nudge' };

const idle: TurnPhase = { kind: 'idle' };
const open: TurnPhase = { kind: 'open' };
const closed: TurnPhase = { kind: 'closed' };
const paused = (turnOpen: boolean): TurnPhase => ({ kind: 'paused', turnOpen });

const ev = {
  loopStart: { kind: 'loop-start', loop: other },
  loopEnd: { kind: 'loop-end' },
  turnOpen: { kind: 'turn-open' },
  turnClose: { kind: 'turn-close' },
  pause: { kind: 'pause' },
  resume: { kind: 'resume' },
  close: { kind: 'close' },
  stepStart: { kind: 'step-start', controller: fresh },
  stepEnd: { kind: 'step-end' },
  abort: { kind: 'abort', intent: 'shutdown' },
  abortHandled: { kind: 'abort-handled' },
} satisfies Record<string, TurnEvent>;

type Row = readonly [string, TurnPhase, TurnEvent, TurnPhase];

const allowed: readonly Row[] = [
  ['a message starts the loop of an idle agent', idle, ev.loopStart, { kind: 'running', loop: other, turnOpen: false, hold: 'none', step: between }],
  ['a loop started on an open turn continues it', open, ev.loopStart, { kind: 'running', loop: other, turnOpen: true, hold: 'none', step: between }],
  ['a loop started while paused stops at its first safe point', paused(true), ev.loopStart, { kind: 'running', loop: other, turnOpen: true, hold: 'pause', step: between }],
  ['retry opens the turn of an idle agent', idle, ev.turnOpen, open],
  ['a rewind closes an open turn', open, ev.turnClose, idle],
  ['a rewind while paused keeps the pause', paused(true), ev.turnClose, paused(false)],
  ['pause holds an idle agent', idle, ev.pause, paused(false)],
  ['pause keeps an open turn for resume', open, ev.pause, paused(true)],
  ['resume continues an open turn', paused(true), ev.resume, open],
  ['resume frees an idle agent', paused(false), ev.resume, idle],
  ['close ends an idle agent', idle, ev.close, closed],
  ['close ends a paused agent', paused(true), ev.close, closed],
  ['closing twice changes nothing', closed, ev.close, closed],
  ['the loop opens a turn', running(false, 'none', between), ev.turnOpen, running(true, 'none', between)],
  ['the loop ends a turn', running(true, 'none', between), ev.turnClose, running(false, 'none', between)],
  ['pause while running stops at the next safe point', running(true, 'none', abortable), ev.pause, running(true, 'pause', abortable)],
  ['pause does not undo a close', running(true, 'close', between), ev.pause, running(true, 'close', between)],
  ['resume before the safe point cancels the pause', running(true, 'pause', between), ev.resume, running(true, 'none', between)],
  ['close while running stops the loop for good', running(true, 'pause', abortable), ev.close, running(true, 'close', abortable)],
  ['a step starts between steps', running(true, 'none', between), ev.stepStart, running(true, 'none', { kind: 'abortable', controller: fresh })],
  ['a new step drops an abort its finished step ignored', running(true, 'none', aborted), ev.stepStart, running(true, 'none', { kind: 'abortable', controller: fresh })],
  ['a step that ends leaves the loop between steps', running(true, 'none', abortable), ev.stepEnd, running(true, 'none', between)],
  ['a step ended by an abort keeps its intent', running(true, 'none', aborting), ev.stepEnd, running(true, 'none', { kind: 'aborted', intent: 'interrupt' })],
  ['an abort cuts the step in flight', running(true, 'none', abortable), ev.abort, running(true, 'none', { kind: 'aborting', controller, intent: 'shutdown' })],
  ['a later abort overrides the intent (quit after Esc)', running(true, 'none', aborting), ev.abort, running(true, 'none', { kind: 'aborting', controller, intent: 'shutdown' })],
  ['the loop acts on the abort', running(true, 'none', aborted), ev.abortHandled, running(true, 'none', between)],
  ['an abort the provider reported alone is handled too', running(true, 'none', between), ev.abortHandled, running(true, 'none', between)],
  ['a loop ending on an open turn leaves it open', running(true, 'none', between), ev.loopEnd, open],
  ['a loop ending with nothing open leaves the agent idle', running(false, 'none', aborted), ev.loopEnd, idle],
  ['a loop stopped by pause leaves it paused', running(true, 'pause', between), ev.loopEnd, paused(true)],
  ['a loop stopped by close leaves it closed', running(false, 'close', between), ev.loopEnd, closed],
];

const refused: readonly (readonly [string, TurnPhase, TurnEvent])[] = [
  ['a second loop never starts', running(false, 'none', between), ev.loopStart],
  ['no loop starts after close', closed, ev.loopStart],
  ['a closed agent opens no turn', closed, ev.turnOpen],
  ['resume of an agent that is not paused', idle, ev.resume],
  ['resume of an open turn that is not paused', open, ev.resume],
  ['resume of a loop nobody asked to pause', running(true, 'none', between), ev.resume],
  ['resume does not reopen a closing agent', running(true, 'close', between), ev.resume],
  ['nothing to abort when idle', idle, ev.abort],
  ['nothing to abort when paused', paused(true), ev.abort],
  ['nothing to abort between steps', running(true, 'none', between), ev.abort],
  ['nothing to abort once the step ended', running(true, 'none', aborted), ev.abort],
  ['no step without a loop', idle, ev.stepStart],
  ['two steps never overlap', running(true, 'none', abortable), ev.stepStart],
  ['a step being aborted must end first', running(true, 'none', aborting), ev.stepStart],
  ['no step to end between steps', running(true, 'none', between), ev.stepEnd],
  ['an abort in flight is not handled before its step ends', running(true, 'none', aborting), ev.abortHandled],
  ['a loop that is not running does not end', open, ev.loopEnd],
  ['a paused agent has no loop to end', paused(false), ev.loopEnd],
  ['a closed agent is not paused again', closed, ev.pause],
];

describe('turn phase moves', () => {
  it.each(allowed)('%s', (_name, from, event, to) => {
    const next = nextPhase(from, event);
    expect(next).toEqual({ ok: true, value: to });
  });

  it.each(refused)('refused: %s', (_name, from, event) => {
    const next = nextPhase(from, event);
    expect(next.ok).toBe(false);
    if (!next.ok) expect(next.error).toContain(event.kind);
  });
});

describe('what readers ask of a phase', () => {
  it('a turn is open in open, paused-with-turn and running-with-turn phases only', () => {
    expect([idle, open, paused(true), paused(false), running(true, 'none', between), running(false, 'none', between), closed].map(isTurnOpen)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('a pause holds a paused agent and a running one asked to pause, not a closing one', () => {
    expect([idle, paused(false), running(true, 'pause', between), running(true, 'close', between), running(true, 'none', between)].map(isPauseHeld)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('the abort intent is readable from the abort until the loop handles it', () => {
    expect([running(true, 'none', abortable), running(true, 'none', aborting), running(true, 'none', aborted), idle].map(pendingAbort)).toEqual([
      undefined,
      'interrupt',
      'nudge',
      undefined,
    ]);
  });
});
