// The loader's gate (DESIGN.md §9 Loading): a script must begin with a pure `export const meta`
// literal, and its body is plain JavaScript (top-level await and return) with no import/require.
// Anything else is refused, before any model call, as `FILE:LINE: problem`.
import { parse, type Program, type Token } from 'acorn';
import { err, ok, type Result } from '../../core/result.js';
import { WorkflowMetaSchema, type WorkflowMeta } from '../../core/workflow/workflow-meta.js';
import { metaValue } from './meta-literal.js';

/** A script that passed the gate: its meta and its body (meta blanked out, lines kept). */
export type CheckedScript = { readonly meta: WorkflowMeta; readonly body: string };

const metaShape = 'meta: the script must begin with `export const meta = { name, description, … }`';

function parseProgram(file: string, text: string, tokens: Token[]): Result<Program> {
  try {
    return ok(
      parse(text, {
        ecmaVersion: 'latest',
        sourceType: 'module',
        allowReturnOutsideFunction: true,
        allowAwaitOutsideFunction: true,
        allowHashBang: true,
        locations: true,
        onToken: tokens,
      }),
    );
  } catch (thrown) {
    const line = thrown instanceof SyntaxError && 'loc' in thrown && typeof thrown.loc === 'object' && thrown.loc !== null && 'line' in thrown.loc ? thrown.loc.line : 1;
    const message = thrown instanceof Error ? thrown.message.replace(/ \(\d+:\d+\)$/u, '') : String(thrown);
    return err(`${file}:${String(line)}: ${message}`);
  }
}

/** The first `import` or `require` token, which the sandbox could not honour. */
function forbiddenToken(file: string, text: string, tokens: readonly Token[]): string | undefined {
  for (const token of tokens) {
    const line = token.loc?.start.line ?? 1;
    if (token.type.label === 'import') return `${file}:${line}: import is not available in a workflow`;
    if (token.type.label === 'name' && text.slice(token.start, token.end) === 'require') return `${file}:${line}: require is not available in a workflow`;
  }
  return undefined;
}

/** Blanks `start…end` of the text (newlines kept), so the body's lines match the file's. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/gu, ' ') + text.slice(end);
}

/** Checks a script's text; `file` names it in errors. */
export function checkScript(file: string, text: string): Result<CheckedScript> {
  const tokens: Token[] = [];
  const program = parseProgram(file, text, tokens);
  if (!program.ok) return program;
  const [first, ...rest] = program.value.body;
  const metaLine = first?.loc?.start.line ?? 1;
  if (first?.type !== 'ExportNamedDeclaration' || first.declaration?.type !== 'VariableDeclaration' || first.declaration.kind !== 'const') {
    return err(`${file}:${metaLine}: ${metaShape}`);
  }
  const [declarator, ...others] = first.declaration.declarations;
  if (declarator === undefined || others.length > 0 || declarator.id.type !== 'Identifier' || declarator.id.name !== 'meta' || declarator.init === null || declarator.init === undefined) {
    return err(`${file}:${metaLine}: ${metaShape}`);
  }
  if (declarator.init.type !== 'ObjectExpression') return err(`${file}:${declarator.init.loc?.start.line ?? metaLine}: meta: must be an object literal`);
  const later = rest.find((statement) => statement.type.startsWith('Export'));
  if (later !== undefined) return err(`${file}:${later.loc?.start.line ?? 1}: export is not allowed in a workflow (only \`export const meta\`)`);
  const forbidden = forbiddenToken(file, text, tokens);
  if (forbidden !== undefined) return err(forbidden);
  const value = metaValue(declarator.init);
  if (!value.ok) return err(`${file}:${value.error.line}: meta: ${value.error.problem}`);
  const meta = WorkflowMetaSchema.safeParse(value.value);
  if (!meta.success) {
    const issue = meta.error.issues[0];
    const field = issue === undefined || issue.path.length === 0 ? 'meta' : `meta.${issue.path.map(String).join('.')}`;
    return err(`${file}:${metaLine}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  const body = blank(text, first.start, first.end);
  return ok({ meta: meta.data, body: body.startsWith('#!') ? blank(body, 0, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n')) : body });
}
