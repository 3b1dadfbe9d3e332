// Claude Code subagent files as agentType (DESIGN.md §9): front matter and body, tool names mapped.
import { describe, expect, it } from 'vitest';
import { parseAgentType } from '../../../src/adapters/workflow/agent-type-file.js';

describe('agent files', () => {
  it('maps Claude Code tool names, ignores others, and keeps the body as the system prompt', () => {
    const parsed = parseAgentType('a.md', '---\nname: fixer\ndescription: Fixes.\ntools: Read, Edit, Bash, WebSearch\nmodel: sonnet\n---\n\nFix the bug.\n');
    expect(parsed).toEqual({ ok: true, value: { name: 'fixer', description: 'Fixes.', tools: ['read_file', 'edit_file', 'bash'], model: 'sonnet', body: 'Fix the bug.' } });
  });

  it('takes a YAML list of tools, and `inherit` or no model as none', () => {
    const parsed = parseAgentType('a.md', '---\nname: r\ntools:\n  - Grep\n  - Glob\nmodel: inherit\n---\nBody');
    expect(parsed.ok && parsed.value.tools).toEqual(['grep', 'list_files']);
    expect(parsed.ok && parsed.value.model).toBeUndefined();
    const all = parseAgentType('a.md', '---\nname: r\n---\nBody');
    expect(all.ok && all.value.tools).toBeUndefined();
  });

  it('names the file and the problem', () => {
    expect(parseAgentType('x.md', 'no front matter')).toEqual({ ok: false, error: 'x.md: no front matter (a "---" block with name, description, tools, model)' });
    const unnamed = parseAgentType('x.md', '---\ndescription: d\n---\n');
    expect(unnamed.ok ? '' : unnamed.error).toMatch(/^x\.md: front matter: name/);
  });
});
