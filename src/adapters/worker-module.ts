// Starts a worker thread from a module next to the caller, from dist/ and from sources alike:
// compiled (dist/, bundled by scripts/build.js as an entry of its own), the `NAME.js` sibling;
// from sources (tsx, vitest), `NAME.ts` bundled once by esbuild into CommonJS and run as an eval
// worker, since Node 20 gives a worker none of the main thread's loader hooks.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { err, messageOf, ok, type Result } from '../core/result.js';

const bundles = new Map<string, Promise<Result<string>>>();

function bundleSource(entry: URL): Promise<Result<string>> {
  const file = fileURLToPath(entry);
  let bundle = bundles.get(file);
  if (bundle === undefined) {
    bundle = (async (): Promise<Result<string>> => {
      try {
        const esbuild = await import('esbuild');
        const built = await esbuild.build({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent' });
        const code = built.outputFiles[0]?.text;
        return code === undefined ? err('esbuild produced no output') : ok(code);
      } catch (thrown) {
        return err(messageOf(thrown));
      }
    })();
    bundles.set(file, bundle);
  }
  return bundle;
}

/** Starts the worker module `name` (no extension) that sits next to the module at `here` (its import.meta.url). */
export async function startWorkerModule(here: string, name: string, workerData: unknown): Promise<Result<Worker>> {
  try {
    if (!here.endsWith('.ts')) return ok(new Worker(new URL(`./${name}.js`, here), { workerData, execArgv: [] }));
    const code = await bundleSource(new URL(`./${name}.ts`, here));
    if (!code.ok) return err(`could not build the worker ${name} from sources: ${code.error}`);
    return ok(new Worker(code.value, { eval: true, workerData, execArgv: [] }));
  } catch (thrown) {
    return err(`could not start the worker ${name}: ${messageOf(thrown)}`);
  }
}
