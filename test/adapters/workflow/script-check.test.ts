// DESIGN.md §9 Loading: the meta gate and the body's rules, each refused as `FILE:LINE: problem`
// before anything runs (no model call: nothing here can start one).
import { describe, expect, it } from 'vitest';
import { checkScript } from '../../../src/adapters/workflow/script-check.js';

const ok = `export const meta = {
  name: 'review',
  description: \`Reviews things\`,
  whenToUse: 'always',
  phases: [{ title: 'Find', detail: 'look', model: 'haiku' }, { title: 'Verify' }],
};
const found = await agent('find');
return found;
`;

function problem(text: string): string {
  const checked = checkScript('w.js', text);
  return checked.ok ? 'accepted' : checked.error;
}

describe('the meta gate', () => {
  it('accepts a pure literal and yields the meta and a body whose lines match the file', () => {
    const checked = checkScript('w.js', ok);
    expect(checked.ok && checked.value.meta).toEqual({
      name: 'review',
      description: 'Reviews things',
      whenToUse: 'always',
      phases: [{ title: 'Find', detail: 'look', model: 'haiku' }, { title: 'Verify' }],
    });
    const body = checked.ok ? checked.value.body : '';
    expect(body.split('\n')).toHaveLength(ok.split('\n').length);
    expect(body.split('\n')[6]).toBe("const found = await agent('find');");
    expect(body).not.toContain('meta');
  });

  it.each([
    ['a call', "export const meta = { name: 'x', description: String(1) };", 'w.js:1: meta: a call is not allowed'],
    ['a variable', "const d = 'x';\nexport const meta = { name: 'x', description: d };", 'w.js:1: meta: the script must begin with `export const meta = { name, description, … }`'],
    ['a variable inside', "export const meta = {\n  name: 'x',\n  description: d,\n};", 'w.js:3: meta: a variable is not allowed'],
    ['a spread', "export const meta = { name: 'x', description: 'y',\n ...more };", 'w.js:2: meta: a spread (...) is not allowed'],
    ['interpolation', "export const meta = { name: 'x', description: `a ${'b'}` };", 'w.js:1: meta: interpolation (${…}) is not allowed'],
    ['a shorthand', "export const meta = { name: 'x', description };", 'w.js:1: meta: a shorthand property refers to a variable'],
    ['a missing field', "export const meta = { name: 'x' };", 'w.js:1: meta.description: Invalid input: expected string, received undefined'],
    ['an unknown field', "export const meta = { name: 'x', description: 'y', colour: 'red' };", 'w.js:1: meta: Unrecognized key: "colour"'],
    ['no meta at all', "await agent('x');", 'w.js:1: meta: the script must begin with `export const meta = { name, description, … }`'],
    ['let instead of const', "export let meta = { name: 'x', description: 'y' };", 'w.js:1: meta: the script must begin with `export const meta = { name, description, … }`'],
  ])('refuses %s in meta', (_what, text, expected) => {
    expect(problem(text)).toBe(expected);
  });
});

describe('the body', () => {
  const head = "export const meta = { name: 'x', description: 'y' };\n";
  it.each([
    ['an import declaration', `${head}import fs from 'node:fs';`, 'w.js:2: import is not available in a workflow'],
    ['a dynamic import', `${head}\nconst fs = await import('node:fs');`, 'w.js:3: import is not available in a workflow'],
    ['require', `${head}const fs = require('fs');`, 'w.js:2: require is not available in a workflow'],
    ['another export', `${head}export const other = 1;`, 'w.js:2: export is not allowed in a workflow (only `export const meta`)'],
    ['a syntax error', `${head}\nconst = 1;`, 'w.js:3: Unexpected token'],
  ])('refuses %s', (_what, text, expected) => {
    expect(problem(text)).toBe(expected);
  });

  it('allows top-level await and return, and require/import inside strings and comments', () => {
    expect(problem(`${head}// require('x') import y\nconst s = "import require";\nawait agent(s);\nreturn 1;`)).toBe('accepted');
  });
});
