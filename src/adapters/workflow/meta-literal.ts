// Reads `export const meta = {…}` as data without running it: the literal must be pure (objects,
// arrays, strings, numbers, booleans, null, templates without `${}`), so a call, a variable, a
// spread or an interpolation is refused with the line it is on (DESIGN.md §9 Loading).
import type { Expression, Literal, ObjectExpression, Property, SpreadElement, TemplateLiteral } from 'acorn';
import type { JsonValue } from '../../core/json-value.js';
import { err, ok, type Result } from '../../core/result.js';

/** A problem in the meta literal, on a line of the file. */
export type MetaProblem = { readonly line: number; readonly problem: string };

function lineOf(node: { loc?: { start: { line: number } } | null }): number {
  return node.loc?.start.line ?? 1;
}

function problem(node: { loc?: { start: { line: number } } | null }, text: string): Result<never, MetaProblem> {
  return err({ line: lineOf(node), problem: text });
}

function literal(node: Literal): Result<JsonValue, MetaProblem> {
  if (node.regex !== undefined) return problem(node, 'a regular expression is not a plain value');
  if (node.bigint !== undefined) return problem(node, 'a BigInt is not a plain value');
  const value = node.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return ok(value);
  return problem(node, 'not a plain value');
}

function template(node: TemplateLiteral): Result<JsonValue, MetaProblem> {
  if (node.expressions.length > 0) return problem(node, 'interpolation (${…}) is not allowed');
  return ok(node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(''));
}

function propertyKey(property: Property): Result<string, MetaProblem> {
  if (property.computed) return problem(property, 'a computed key is not allowed');
  if (property.key.type === 'Identifier') return ok(property.key.name);
  if (property.key.type === 'Literal' && (typeof property.key.value === 'string' || typeof property.key.value === 'number')) {
    return ok(String(property.key.value));
  }
  return problem(property, 'not a plain key');
}

function object(node: ObjectExpression): Result<JsonValue, MetaProblem> {
  const fields: { [key: string]: JsonValue } = {};
  for (const property of node.properties) {
    if (property.type === 'SpreadElement') return problem(property, 'a spread (...) is not allowed');
    if (property.kind !== 'init' || property.method) return problem(property, 'a method or accessor is not allowed');
    if (property.shorthand) return problem(property, 'a shorthand property refers to a variable');
    const key = propertyKey(property);
    if (!key.ok) return key;
    const value = metaValue(property.value);
    if (!value.ok) return value;
    fields[key.value] = value.value;
  }
  return ok(fields);
}

function array(elements: readonly (Expression | SpreadElement | null)[], node: Expression): Result<JsonValue, MetaProblem> {
  const items: JsonValue[] = [];
  for (const element of elements) {
    if (element === null) return problem(node, 'an array hole is not allowed');
    if (element.type === 'SpreadElement') return problem(element, 'a spread (...) is not allowed');
    const value = metaValue(element);
    if (!value.ok) return value;
    items.push(value.value);
  }
  return ok(items);
}

const described: Partial<Record<string, string>> = {
  CallExpression: 'a call is not allowed',
  NewExpression: 'a call is not allowed',
  Identifier: 'a variable is not allowed',
  MemberExpression: 'a variable is not allowed',
  TaggedTemplateExpression: 'a tagged template is a call',
  ArrowFunctionExpression: 'a function is not allowed',
  FunctionExpression: 'a function is not allowed',
  AwaitExpression: 'await is not allowed',
  UnaryExpression: 'an expression is not allowed',
  BinaryExpression: 'an expression is not allowed',
};

/** The JSON value of a pure literal expression, or the first thing in it that is not pure. */
export function metaValue(node: Expression): Result<JsonValue, MetaProblem> {
  if (node.type === 'Literal') return literal(node);
  if (node.type === 'TemplateLiteral') return template(node);
  if (node.type === 'ObjectExpression') return object(node);
  if (node.type === 'ArrayExpression') return array(node.elements, node);
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
    return ok(-node.argument.value);
  }
  return problem(node, described[node.type] ?? `${node.type} is not a plain value`);
}
