// Runs the scripted model as its own process (for the benchmark and manual runs): prints
// {"url": "http://127.0.0.1:PORT"} as one JSON line on stdout, then serves the demo script
// until SIGINT/SIGTERM. Usage: tsx main.ts [--port N] [--tokens-per-delta N] [--delta-interval-ms N]
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { demoScript } from './demo-script.js';
import { startScriptedModel } from './server.js';

const Flags = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(0),
  'tokens-per-delta': z.coerce.number().positive().optional(),
  'delta-interval-ms': z.coerce.number().min(0).optional(),
});

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'tokens-per-delta': { type: 'string' }, 'delta-interval-ms': { type: 'string' } },
    strict: true,
  });
  const flags = Flags.safeParse(values);
  if (!flags.success) {
    const issue = flags.error.issues[0];
    process.stderr.write(`scripted-model: --${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}\n`);
    return 2;
  }
  const tokensPerDelta = flags.data['tokens-per-delta'];
  const deltaIntervalMs = flags.data['delta-interval-ms'];
  const model = await startScriptedModel({
    port: flags.data.port,
    script: demoScript({
      ...(tokensPerDelta === undefined ? {} : { tokensPerDelta }),
      ...(deltaIntervalMs === undefined ? {} : { deltaIntervalMs }),
    }),
  });
  process.stdout.write(`${JSON.stringify({ url: model.url, pid: process.pid })}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await model.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (thrown: unknown) => {
    process.stderr.write(`scripted-model: ${String(thrown)}\n`);
    process.exit(1);
  },
);
