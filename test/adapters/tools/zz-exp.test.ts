import { it, expect } from 'vitest';
import { Worker } from 'node:worker_threads';
it('works', async () => {
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('../../../.exp-grep/w.ts', import.meta.url).href;
  console.log(api, target, import.meta.url);
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(target)}); });`;
  const w = new Worker(code, { eval: true });
  const got = await new Promise((resolve, reject) => { w.on('message', resolve); w.on('error', reject); });
  await w.terminate();
  expect(got).toBe(42);
});
