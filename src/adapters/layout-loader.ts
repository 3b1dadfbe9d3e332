// Finds and reads a layout file (DESIGN.md §5); parsing and validation live in core.
// The file is only read, never written, whatever is wrong with it.
import fs from 'node:fs';
import path from 'node:path';
import { parseLayout, type Layout } from '../core/layout-file.js';
import { err, messageOf, ok, type Result } from '../core/result.js';

/** Where `--layout X` points: a file path when it has a `/` or ends in `.json`, else `layoutsDir/X.json`. */
export function layoutPath(nameOrFile: string, layoutsDir: string): string {
  const isPath = nameOrFile.includes('/') || nameOrFile.endsWith('.json');
  return isPath ? nameOrFile : path.join(layoutsDir, `${nameOrFile}.json`);
}

/** " (layouts: default, duo, …)" for a NAME that is not among them; empty when the folder cannot be read. */
function shippedLayoutsHint(layoutsDir: string): string {
  try {
    const names = fs
      .readdirSync(layoutsDir)
      .filter((entry) => entry.endsWith('.json'))
      .map((entry) => entry.slice(0, -'.json'.length))
      .sort();
    return names.length === 0 ? '' : ` (layouts: ${names.join(', ')}; or give a FILE path)`;
  } catch {
    return '';
  }
}

/** Reads and validates the layout `--layout` names; errors read `FILE: problem`, ready for stderr. */
export function loadLayout(
  nameOrFile: string,
  layoutsDir: string,
): Result<{ layout: Layout; file: string }, string> {
  const file = layoutPath(nameOrFile, layoutsDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT')
      return err(`${file}: no such layout file${file === nameOrFile ? '' : shippedLayoutsHint(layoutsDir)}`);
    return err(`${file}: cannot read the layout file: ${messageOf(thrown)}`);
  }
  // An editor's byte-order mark is not a JSON syntax error worth reporting.
  const parsed = parseLayout(file, text.replace(/^\uFEFF/, ''));
  return parsed.ok ? ok({ layout: parsed.value, file }) : parsed;
}
