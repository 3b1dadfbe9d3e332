import { describe, expect, it } from 'vitest';
import { agentNameProblem, parseLayout, type Layout } from '../../src/core/layout-file.js';

const FILE = 'layouts/bad.json';

function parsed(value: unknown): Layout {
  const result = parseLayout(FILE, JSON.stringify(value));
  if (!result.ok) throw new Error(`expected a layout, got:\n${result.error}`);
  return result.value;
}

function problems(value: unknown): string[] {
  const result = parseLayout(FILE, typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error.split('\n');
}

const two = [{ name: 'alpha' }, { name: 'beta' }];

describe('parseLayout: valid files', () => {
  it('reads every field of the DESIGN.md example and keeps absent fields absent', () => {
    const layout = parsed({
      name: 'duo',
      agents: [
        {
          name: 'alpha',
          model: 'claude-sonnet-4-5',
          system: 'be brief',
          prompt: 'start',
          baseURL: 'http://127.0.0.1:8080',
          cwd: '/tmp/w',
          approve: 'ask',
          allow: ['read_file', 'bash:npm test*'],
        },
        { name: 'shell', command: ['bash'], cwd: '/tmp', env: { K: 'V' }, ready: '\\$ $' },
      ],
      tiling: 'tiled',
    });
    expect(layout.agents[0]).toEqual({
      kind: 'sdk',
      name: 'alpha',
      model: 'claude-sonnet-4-5',
      system: 'be brief',
      prompt: 'start',
      baseURL: 'http://127.0.0.1:8080',
      cwd: '/tmp/w',
      approve: 'ask',
      allow: ['read_file', 'bash:npm test*'],
    });
    expect(layout.agents[1]).toEqual({
      kind: 'pty',
      name: 'shell',
      command: ['bash'],
      cwd: '/tmp',
      env: { K: 'V' },
      ready: '\\$ $',
    });
    expect(Object.keys(layout.agents[1] ?? {})).not.toContain('model');
  });

  it('defaults the tiling to tiled', () => {
    expect(parsed({ name: 'x', agents: two }).tiling).toBe('tiled');
  });

  it('accepts every preset', () => {
    for (const preset of ['tiled', 'columns', 'rows', 'main-left', 'main-top']) {
      expect(parsed({ name: 'x', agents: two, tiling: preset }).tiling).toBe(preset);
    }
  });

  it('accepts a nested split tree with sizes and one that leaves agents out', () => {
    const tiling = {
      split: 'columns',
      sizes: [2, 1],
      children: ['alpha', { split: 'rows', children: ['beta'] }],
    };
    expect(parsed({ name: 'x', agents: two, tiling }).tiling).toEqual(tiling);
    const partial = { split: 'rows', children: ['beta'] };
    expect(parsed({ name: 'x', agents: two, tiling: partial }).tiling).toEqual(partial);
  });
});

describe('parseLayout: errors read FILE: field.path: problem', () => {
  it('names the agent index and field of a bad approve value', () => {
    expect(problems({ name: 'x', agents: [{ name: 'a' }, { name: 'b', approve: 'yes' }] })).toEqual(
      ['layouts/bad.json: agents.1.approve: expected "ask" or "auto"'],
    );
  });

  it('an agent with a command is a PTY agent and takes none of an SDK agent\'s fields', () => {
    expect(problems({ name: 'x', agents: [{ name: 'sh', command: ['bash'], model: 'm', allow: ['bash'] }] })).toEqual([
      'layouts/bad.json: agents.0.model: unknown key (known keys of a PTY agent (one with a command): name, cwd, command, env, ready)',
      'layouts/bad.json: agents.0.allow: unknown key (known keys of a PTY agent (one with a command): name, cwd, command, env, ready)',
    ]);
  });

  it('an agent without a command is an SDK agent and takes none of a PTY agent\'s fields', () => {
    expect(problems({ name: 'x', agents: [{ name: 'a', ready: '\\$' }] })).toEqual([
      'layouts/bad.json: agents.0.ready: unknown key (known keys of an agent without a command: name, cwd, model, system, prompt, baseURL, approve, allow, sandbox)',
    ]);
    expect(parsed({ name: 'x', agents: [{ name: 'a' }, { name: 'sh', command: ['sh'] }] }).agents.map((agent) => agent.kind)).toEqual(['sdk', 'pty']);
  });

  it('reports JSON syntax errors as invalid JSON', () => {
    const [line] = problems('{"name": "x",');
    expect(line).toMatch(/^layouts\/bad\.json: invalid JSON: \S/);
  });

  it('says where a JSON syntax error is by line and column, as an editor shows it (B18)', () => {
    const [line] = problems('{\n  "name": "x",\n  "agents": [ { "name": "a", } ]\n}\n');
    expect(line).toMatch(/^layouts\/bad\.json: invalid JSON: .*position 46 \(line 3, column 30\)/);
  });

  it('rejects unknown keys at every level, naming the key', () => {
    const lines = problems({
      name: 'x',
      agents: [{ name: 'a', modle: 'm' }],
      tilling: 'tiled',
    });
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^layouts\/bad\.json: agents\.0\.modle: unknown key \(known keys of an agent without a command: name, cwd, model, /,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^layouts\/bad\.json: tilling: unknown key/),
    );
    const tree = problems({
      name: 'x',
      agents: two,
      tiling: { split: 'rows', children: ['alpha'], size: [1] },
    });
    expect(tree).toEqual([expect.stringMatching(/^layouts\/bad\.json: tiling\.size: unknown key/)]);
  });

  it('says a missing field is required and a wrong type what it expected', () => {
    expect(problems({ agents: [{}] })).toEqual([
      'layouts/bad.json: name: required',
      'layouts/bad.json: agents.0.name: required',
    ]);
    expect(problems({ name: 'x', agents: [{ name: 'a', allow: 'bash' }, { name: 'sh', command: ['sh'], env: { K: 1 } }] })).toEqual([
      'layouts/bad.json: agents.0.allow: expected array, got string',
      'layouts/bad.json: agents.1.env.K: expected string, got number',
    ]);
    expect(problems([])).toEqual(['layouts/bad.json: (top level): expected object, got array']);
  });

  it('requires at least one agent', () => {
    expect(problems({ name: 'x', agents: [] })).toEqual([
      'layouts/bad.json: agents: a layout needs at least one agent',
    ]);
  });

  it('rejects agent names that are empty, contain whitespace, or are used twice', () => {
    expect(problems({ name: 'x', agents: [{ name: '' }] })[0]).toMatch(
      /^layouts\/bad\.json: agents\.0\.name: agent name must not be empty$/,
    );
    expect(problems({ name: 'x', agents: [{ name: 'a b' }] })[0]).toMatch(
      /^layouts\/bad\.json: agents\.0\.name: .*spaces/,
    );
    expect(problems({ name: 'x', agents: [{ name: 'a\tb' }] })[0]).toMatch(/agents\.0\.name/);
    expect(problems({ name: 'x', agents: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] })).toEqual([
      'layouts/bad.json: agents.2.name: "a" is used by an earlier agent',
    ]);
  });

  it('rejects names that commands would read as a pane number, "all" or an option', () => {
    expect(agentNameProblem('3')).toMatch(/number/);
    expect(agentNameProblem('all')).toMatch(/reserved/);
    expect(agentNameProblem('-t')).toMatch(/option/);
    expect(agentNameProblem('reviewer-a')).toBeUndefined();
    expect(agentNameProblem('agent2')).toBeUndefined();
  });

  it('checks that ready compiles as a regular expression', () => {
    expect(
      problems({ name: 'x', agents: [{ name: 'sh', command: ['bash'], ready: '(' }] }),
    ).toEqual([
      expect.stringMatching(
        /^layouts\/bad\.json: agents\.0\.ready: not a valid regular expression: /,
      ),
    ]);
  });

  it('rejects an empty command and a non-http baseURL', () => {
    expect(problems({ name: 'x', agents: [{ name: 'sh', command: [] }] })).toEqual([
      'layouts/bad.json: agents.0.command: must name a program',
    ]);
    expect(problems({ name: 'x', agents: [{ name: 'sh', command: [''] }] })).toEqual([
      'layouts/bad.json: agents.0.command.0: the program name must not be empty',
    ]);
    expect(problems({ name: 'x', agents: [{ name: 'a', baseURL: 'ftp://host' }] })[0]).toMatch(
      /^layouts\/bad\.json: agents\.0\.baseURL: expected an http\(s\) URL/,
    );
  });

  it('explains a bad preset name and a tiling of the wrong type', () => {
    expect(problems({ name: 'x', agents: two, tiling: 'grid' })).toEqual([
      'layouts/bad.json: tiling: expected one of "tiled", "columns", "rows", "main-left", "main-top", or a split tree',
    ]);
    expect(problems({ name: 'x', agents: two, tiling: 3 })[0]).toMatch(
      /^layouts\/bad\.json: tiling: expected /,
    );
  });

  it('points into the split tree for its errors', () => {
    const lines = problems({
      name: 'x',
      agents: two,
      tiling: { split: 'diagonal', sizes: [1, -1], children: ['alpha', 7] },
    });
    expect(lines).toEqual([
      'layouts/bad.json: tiling.split: expected "columns" or "rows"',
      'layouts/bad.json: tiling.sizes.1: sizes must be positive numbers',
      'layouts/bad.json: tiling.children.1: expected an agent name or a split tree',
    ]);
  });

  it('checks the names in a tree, duplicates in it, and sizes per child', () => {
    const lines = problems({
      name: 'x',
      agents: two,
      tiling: {
        split: 'columns',
        sizes: [1],
        children: ['alpha', { split: 'rows', children: ['ghost', 'alpha'] }],
      },
    });
    expect(lines).toEqual([
      'layouts/bad.json: tiling.sizes: has 1 sizes for 2 children',
      'layouts/bad.json: tiling.children.1.children.0: no agent named "ghost" in agents',
      'layouts/bad.json: tiling.children.1.children.1: "alpha" appears twice in the tiling',
    ]);
    expect(problems({ name: 'x', agents: two, tiling: { split: 'rows', children: [] } })).toEqual([
      'layouts/bad.json: tiling.children: a split needs at least one child',
    ]);
  });
});

describe('layout text is untrusted (issue 9)', () => {
  it('refuses agent names with bidi overrides or invisible characters, which would look like another name', () => {
    expect(agentNameProblem('al\u202eahp')).toMatch(/bidi/u);
    expect(agentNameProblem('al\u200bpha')).toMatch(/invisible/u);
    expect(agentNameProblem('alpha')).toBeUndefined();
  });

  it('draws controls from the file visibly in its error lines', () => {
    const result = parseLayout('l.json', JSON.stringify({ name: 'x', agents: [{ name: 'a', ['k\u001b]52;c;eA==\u0007']: 1 }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('k␛]52;c;eA==␇');
      expect(result.error).not.toContain('\u001b');
    }
  });
});
