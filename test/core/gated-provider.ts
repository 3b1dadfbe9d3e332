// A model provider for core tests: answers from a list of steps, each optionally held until the
// test releases it (or the stream is aborted, which fails it as `aborted` with what had arrived).
import type { AssistantBlock } from '../../src/core/entry.js';
import type { ModelRequest } from '../../src/core/model-request.js';
import type { ModelProvider, ProviderError, StreamOptions, StreamOutcome } from '../../src/core/provider.js';
import { usage } from './factories.js';

/** One answer: blocks to complete with, or an error; `held` keeps it streaming until released. */
export type GatedStep =
  | { readonly blocks: readonly AssistantBlock[]; readonly held?: Promise<void> }
  | { readonly error: ProviderError };

/** A gate a test opens by hand. */
export function gate(): { readonly held: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const held = new Promise<void>((resolve) => (open = resolve));
  return { held, open };
}

/** Serves `steps` in order; a request past the end fails the test loudly. */
export class GatedProvider implements ModelProvider {
  readonly requests: ModelRequest[] = [];
  /** How many streams have started (a held one counts once it started). */
  started = 0;

  constructor(private readonly steps: readonly GatedStep[]) {}

  async stream(request: ModelRequest, options: StreamOptions): Promise<StreamOutcome> {
    this.requests.push(request);
    const step = this.steps[this.started];
    this.started += 1;
    if (step === undefined) return { kind: 'failed', error: { kind: 'invalid-request', status: 400, message: 'no step left' }, partial: { blocks: [], usage } };
    if ('error' in step) return { kind: 'failed', error: step.error, partial: { blocks: [], usage } };
    if (step.held !== undefined) {
      options.onEvent({ type: 'text', index: 0, text: 'partial' });
      const aborted = new Promise<'aborted'>((resolve) => options.signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
      const how = await Promise.race([step.held.then(() => 'released' as const), aborted]);
      if (how === 'aborted') return { kind: 'failed', error: { kind: 'aborted' }, partial: { blocks: [{ type: 'text', text: 'partial' }], usage } };
    }
    const toolCall = step.blocks.some((block) => block.type === 'tool_use');
    return { kind: 'complete', blocks: [...step.blocks], stopReason: toolCall ? 'tool_use' : 'end_turn', usage };
  }
}
