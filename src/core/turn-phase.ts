// An agent's turn phase (DESIGN.md §4): whether its loop runs, whether a turn is open, what holds
// it (pause, close), and the step an interrupt can cut. One union instead of loose flags, so each
// phase carries only what is valid in it (the loop's promise and an abort only while it runs),
// and every change goes through `nextPhase`, the one table of allowed moves.
import { err, ok, type Result } from './result.js';

/** Why a running stream, wait or tool was aborted; decides what the loop does next. */
export type AbortIntent = 'interrupt' | 'nudge' | 'shutdown';

/** What stops a running loop at its next safe point: nothing, a pause, or the pane's close. */
export type Hold = 'none' | 'pause' | 'close';

/** Where a running loop is: between steps, or in one an abort can cut (a model call, a retry or approval wait, a tool). */
export type Step =
  | { readonly kind: 'between' }
  | { readonly kind: 'abortable'; readonly controller: AbortController }
  | { readonly kind: 'aborting'; readonly controller: AbortController; readonly intent: AbortIntent }
  /** The step ended by an abort the loop has not acted on yet. */
  | { readonly kind: 'aborted'; readonly intent: AbortIntent };

/** An agent's turn phase. */
export type TurnPhase =
  /** No loop, no turn open: the next message starts one. */
  | { readonly kind: 'idle' }
  /** No loop, a turn left open (over budget before a model call, a retry about to run): the next loop continues it. */
  | { readonly kind: 'open' }
  /** No loop, held by `pause` until `resume` (which continues the turn when one is open). */
  | { readonly kind: 'paused'; readonly turnOpen: boolean }
  /** The loop runs: its promise, whether a turn is open, what will stop it, the step in flight. */
  | { readonly kind: 'running'; readonly loop: Promise<void>; readonly turnOpen: boolean; readonly hold: Hold; readonly step: Step }
  /** The pane was closed: no loop starts again. */
  | { readonly kind: 'closed' };

/** What happens to an agent's turn phase. */
export type TurnEvent =
  | { readonly kind: 'loop-start'; readonly loop: Promise<void> }
  | { readonly kind: 'loop-end' }
  | { readonly kind: 'turn-open' }
  | { readonly kind: 'turn-close' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'close' }
  | { readonly kind: 'step-start'; readonly controller: AbortController }
  | { readonly kind: 'step-end' }
  | { readonly kind: 'abort'; readonly intent: AbortIntent }
  | { readonly kind: 'abort-handled' };

/** The phase of a new agent. */
export const IDLE: TurnPhase = { kind: 'idle' };

const BETWEEN: Step = { kind: 'between' };

/** The one table of turn-phase moves: the next phase, or why the event does not apply in this one. */
export function nextPhase(phase: TurnPhase, event: TurnEvent): Result<TurnPhase> {
  switch (phase.kind) {
    case 'idle':
    case 'open':
      return fromStopped(phase.kind === 'open', phase, event);
    case 'paused':
      return fromPaused(phase.turnOpen, phase, event);
    case 'running':
      return fromRunning(phase, event);
    case 'closed':
      return event.kind === 'close' ? ok(phase) : refused(phase, event);
  }
}

/** True while a turn is open, whether or not its loop runs. */
export function isTurnOpen(phase: TurnPhase): boolean {
  return phase.kind === 'open' || ((phase.kind === 'paused' || phase.kind === 'running') && phase.turnOpen);
}

/** True when a pause holds the agent or will at its next safe point. */
export function isPauseHeld(phase: TurnPhase): boolean {
  return phase.kind === 'paused' || (phase.kind === 'running' && phase.hold === 'pause');
}

/** The abort the running loop has not acted on yet, if any. */
export function pendingAbort(phase: TurnPhase): AbortIntent | undefined {
  if (phase.kind !== 'running') return undefined;
  return phase.step.kind === 'aborting' || phase.step.kind === 'aborted' ? phase.step.intent : undefined;
}

function stopped(turnOpen: boolean): TurnPhase {
  return turnOpen ? { kind: 'open' } : { kind: 'idle' };
}

function fromStopped(turnOpen: boolean, phase: TurnPhase, event: TurnEvent): Result<TurnPhase> {
  switch (event.kind) {
    case 'loop-start':
      return ok({ kind: 'running', loop: event.loop, turnOpen, hold: 'none', step: BETWEEN });
    case 'turn-open':
      return ok(stopped(true));
    case 'turn-close':
      return ok(stopped(false));
    case 'pause':
      return ok({ kind: 'paused', turnOpen });
    case 'close':
      return ok({ kind: 'closed' });
    case 'resume':
    case 'loop-end':
    case 'step-start':
    case 'step-end':
    case 'abort':
    case 'abort-handled':
      return refused(phase, event);
  }
}

// A loop started while paused runs to its first safe point and stops there, paused again.
function fromPaused(turnOpen: boolean, phase: TurnPhase, event: TurnEvent): Result<TurnPhase> {
  switch (event.kind) {
    case 'loop-start':
      return ok({ kind: 'running', loop: event.loop, turnOpen, hold: 'pause', step: BETWEEN });
    case 'turn-open':
      return ok({ kind: 'paused', turnOpen: true });
    case 'turn-close':
      return ok({ kind: 'paused', turnOpen: false });
    case 'pause':
      return ok(phase);
    case 'resume':
      return ok(stopped(turnOpen));
    case 'close':
      return ok({ kind: 'closed' });
    case 'loop-end':
    case 'step-start':
    case 'step-end':
    case 'abort':
    case 'abort-handled':
      return refused(phase, event);
  }
}

type Running = Extract<TurnPhase, { kind: 'running' }>;

function fromRunning(phase: Running, event: TurnEvent): Result<TurnPhase> {
  switch (event.kind) {
    case 'loop-end':
      if (phase.hold === 'close') return ok({ kind: 'closed' });
      if (phase.hold === 'pause') return ok({ kind: 'paused', turnOpen: phase.turnOpen });
      return ok(stopped(phase.turnOpen));
    case 'turn-open':
      return ok({ ...phase, turnOpen: true });
    case 'turn-close':
      return ok({ ...phase, turnOpen: false });
    case 'pause':
      return ok(phase.hold === 'close' ? phase : { ...phase, hold: 'pause' });
    case 'resume':
      return phase.hold === 'pause' ? ok({ ...phase, hold: 'none' }) : refused(phase, event);
    case 'close':
      return ok({ ...phase, hold: 'close' });
    case 'loop-start':
      return refused(phase, event);
    case 'step-start':
    case 'step-end':
    case 'abort':
    case 'abort-handled':
      return stepMove(phase, event);
  }
}

type StepEvent = Extract<TurnEvent, { kind: 'step-start' | 'step-end' | 'abort' | 'abort-handled' }>;

function stepMove(phase: Running, event: StepEvent): Result<TurnPhase> {
  const step = phase.step;
  switch (event.kind) {
    case 'step-start':
      // A stale abort (its step finished anyway) is dropped when the next step starts.
      if (step.kind === 'abortable' || step.kind === 'aborting') return refused(phase, event);
      return ok({ ...phase, step: { kind: 'abortable', controller: event.controller } });
    case 'step-end':
      if (step.kind === 'abortable') return ok({ ...phase, step: BETWEEN });
      if (step.kind === 'aborting') return ok({ ...phase, step: { kind: 'aborted', intent: step.intent } });
      return refused(phase, event);
    case 'abort':
      if (step.kind !== 'abortable' && step.kind !== 'aborting') return refused(phase, event);
      return ok({ ...phase, step: { kind: 'aborting', controller: step.controller, intent: event.intent } });
    case 'abort-handled':
      if (step.kind === 'abortable' || step.kind === 'aborting') return refused(phase, event);
      return ok({ ...phase, step: BETWEEN });
  }
}

function refused(phase: TurnPhase, event: TurnEvent): Result<TurnPhase> {
  const where = phase.kind === 'running' ? `running (${phase.step.kind})` : phase.kind;
  return err(`${event.kind} does not apply to a ${where} agent`);
}
