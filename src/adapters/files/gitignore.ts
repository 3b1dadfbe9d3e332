// The small part of .gitignore that workspace baselines honour: the top-level file only, one
// pattern a line, `#` comments, `*` `?` `**` globs, a trailing `/` for folders only, a pattern
// with a `/` before its end anchored at the root, any other matched against every name.
// Negations (`!`), escapes and nested .gitignore files are not supported (their lines are skipped).
import fs from 'node:fs';
import path from 'node:path';
import { globToRegExp } from '../tools/glob.js';

type Rule = { readonly regex: RegExp; readonly anchored: boolean; readonly folderOnly: boolean };

/** Decides whether a workspace path (relative, `/`-separated) is ignored. */
export type IgnoreMatcher = (relative: string, isFolder: boolean) => boolean;

/** Compiles .gitignore text into rules; unsupported lines are skipped. */
export function parseGitignore(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/\s+$/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!') || line.includes('\\')) continue;
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ regex: globToRegExp(line), anchored, folderOnly });
  }
  return (relative, isFolder) =>
    rules.some((rule) => {
      if (rule.folderOnly && !isFolder) return false;
      return rule.regex.test(rule.anchored ? relative : path.posix.basename(relative));
    });
}

/** The matcher of `root/.gitignore`, or one that ignores nothing. */
export function loadGitignore(root: string): IgnoreMatcher {
  try {
    return parseGitignore(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'));
  } catch {
    return () => false;
  }
}
