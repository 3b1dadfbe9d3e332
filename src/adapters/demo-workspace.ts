// The demo gives each demo agent its own fresh copy of a small sample project (DESIGN.md §3),
// so its file tools have something believable to read and nothing of the user's to touch.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { err, messageOf, ok, type Result } from '../core/result.js';

const TEMPLATE_FROM_ROOT = path.join('demo', 'workspace');

/**
 * Finds demo/workspace by walking up from this module, so it is found both from src/ (tsx)
 * and from a compiled dist/src/ tree.
 */
export function findDemoTemplate(): Result<string> {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(directory, TEMPLATE_FROM_ROOT);
    if (existsSync(path.join(candidate, 'package.json'))) return ok(candidate);
    const parent = path.dirname(directory);
    if (parent === directory)
      return err(`demo workspace template (${TEMPLATE_FROM_ROOT}) not found`);
    directory = parent;
  }
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else if (entry.isFile()) copyFileSync(source, target);
  }
}

/**
 * Copies the demo template into `destDir` (created if missing; refused if it already holds
 * files, so one agent's edits never land in another's copy). Returns the absolute copy path.
 */
export function copyDemoWorkspace(destDir: string, templateDir?: string): Result<string> {
  const template = templateDir === undefined ? findDemoTemplate() : ok(templateDir);
  if (!template.ok) return template;
  if (!existsSync(template.value))
    return err(`demo workspace template ${template.value} not found`);
  const destination = path.resolve(destDir);
  try {
    if (existsSync(destination)) {
      if (!statSync(destination).isDirectory())
        return err(`${destination}: exists and is not a directory`);
      if (readdirSync(destination).length > 0)
        return err(`${destination}: not empty; the demo needs a fresh directory`);
    }
    copyTree(template.value, destination);
    return ok(destination);
  } catch (thrown) {
    return err(`${destination}: cannot copy the demo workspace: ${messageOf(thrown)}`);
  }
}
