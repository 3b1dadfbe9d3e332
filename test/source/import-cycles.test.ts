// No value-import cycle in src/ (issue 10): module evaluation order must never depend on which
// file a program happens to load first. `import type` is erased, so it may point anywhere.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, readImportGraph, valueSpecifiers } from './import-graph.js';

describe('the import graph of src/', () => {
  it('has no cycle among value imports, static or dynamic', () => {
    const graph = readImportGraph(join(import.meta.dirname, '..', '..', 'src'));
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle made of a static import one way and a dynamic import back', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('reads value imports and leaves out type-only ones', () => {
    const text = [
      "import type { A } from './type-only.js';",
      "import { type B, type C } from './all-type-specifiers.js';",
      "import { type D, e } from './one-value.js';",
      "import './side-effect.js';",
      "export { f } from './re-export.js';",
      "export type { G } from './type-re-export.js';",
      "const lazy = () => import('./dynamic.js');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(valueSpecifiers(text)).toEqual(['./one-value.js', './side-effect.js', './re-export.js', './dynamic.js']);
  });
});
