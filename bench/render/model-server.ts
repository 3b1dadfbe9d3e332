// The bench's model server, run in its own process (as a real endpoint would be): the scripted
// model answering every request with one endless answer at a fixed pace, and reporting over IPC
// how many tokens it has streamed so far. Started by model-process.ts through child_process.fork.
import { z } from 'zod';
import type { ScriptStep } from '../../src/adapters/scripted-model/script.js';
import { startScriptedModel } from '../../src/adapters/scripted-model/server.js';
import { answerText } from './answer-text.js';
import { ModelServerRequest, type ModelServerReport } from './model-protocol.js';

const Env = z.object({
  BENCH_TOKENS_PER_DELTA: z.coerce.number().int().positive().default(4),
  BENCH_TOKENS_PER_SECOND: z.coerce.number().positive().default(80),
  BENCH_ANSWER_SECONDS: z.coerce.number().positive().default(240),
});

const env = Env.parse(process.env);
const tokensPerDelta = env.BENCH_TOKENS_PER_DELTA;
const deltaIntervalMs = (1000 * tokensPerDelta) / env.BENCH_TOKENS_PER_SECOND;
const step: ScriptStep = {
  text: answerText(Math.ceil(env.BENCH_TOKENS_PER_SECOND * env.BENCH_ANSWER_SECONDS)),
  tokensPerDelta,
  deltaIntervalMs,
};

const model = await startScriptedModel({ script: () => step });

function send(report: ModelServerReport): void {
  process.send?.(report);
}

process.on('message', (raw: unknown) => {
  const message = ModelServerRequest.safeParse(raw);
  if (!message.success) return;
  if (message.data.type === 'close') {
    void model.close().then(() => process.exit(0));
    return;
  }
  let deltas = 0;
  let streaming = 0;
  for (let index = 0; index < model.requests.length; index++) {
    const written = model.deltasWritten(index);
    deltas += written;
    if (written > 0 && index >= message.data.from) streaming += 1;
  }
  send({
    type: 'counts',
    id: message.data.id,
    requests: model.requests.length,
    streaming,
    rejections: model.rejections.length,
    tokens: deltas * tokensPerDelta,
  });
});
process.on('disconnect', () => {
  void model.close().then(() => process.exit(0));
});
send({ type: 'ready', url: model.url });
