import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createReadOnlyToolHost, createToolHost } from '../../../src/adapters/tools/tool-host.js';
import { createTempWorkspace } from './workspace-fixture.js';

const ObjectSchema = z.object({
  type: z.literal('object'),
  properties: z.record(z.string(), z.object({ type: z.string(), description: z.string() })),
  required: z.array(z.string()).optional(),
});

const context = () => ({ cwd: process.cwd(), signal: new AbortController().signal });

describe('createReadOnlyToolHost', () => {
  it('offers read_file, list_files and grep in that order, all read-only', () => {
    const specs = createReadOnlyToolHost().specs();
    expect(specs.map((spec) => [spec.name, spec.effect])).toEqual([
      ['read_file', 'read'],
      ['list_files', 'read'],
      ['grep', 'read'],
    ]);
  });

  it('returns the same specs on every call, so the request prefix stays cacheable', () => {
    const host = createReadOnlyToolHost();
    expect(JSON.stringify(host.specs())).toBe(JSON.stringify(createReadOnlyToolHost().specs()));
  });

  it('gives each tool an object input schema whose required fields are declared properties', () => {
    for (const spec of createReadOnlyToolHost().specs()) {
      const { properties, required = [] } = ObjectSchema.parse(
        JSON.parse(JSON.stringify(spec.inputSchema)),
      );
      for (const field of required) expect(Object.keys(properties)).toContain(field);
      expect(spec.description.length).toBeGreaterThan(80);
    }
  });

  it('answers an unknown tool name with an error listing the tools', async () => {
    const outcome = await createReadOnlyToolHost().run(
      { id: 't1', name: 'write_file', input: {} },
      context(),
    );
    expect(outcome).toEqual({
      isError: true,
      content: 'unknown tool "write_file"; available: read_file, list_files, grep',
    });
  });

  it('runs a call against the cwd of its context', async () => {
    const ws = createTempWorkspace();
    try {
      ws.write('hello.txt', 'hi\n');
      const outcome = await createReadOnlyToolHost().run(
        { id: 't2', name: 'read_file', input: { path: 'hello.txt' } },
        { cwd: ws.cwd, signal: new AbortController().signal },
      );
      expect(outcome).toEqual({ isError: false, content: '    1\thi' });
    } finally {
      ws.dispose();
    }
  });
});

describe('createToolHost', () => {
  it('turns a tool that throws into an error outcome instead of a rejection', async () => {
    const host = createToolHost([
      {
        spec: {
          name: 'boom',
          description: 'throws',
          inputSchema: { type: 'object' },
          effect: 'read',
        },
        run: () => Promise.reject(new Error('disk on fire')),
      },
    ]);
    await expect(host.run({ id: 't3', name: 'boom', input: {} }, context())).resolves.toEqual({
      isError: true,
      content: 'boom failed: disk on fire',
    });
  });
});
