// The small glob dialect of list_files: `*` and `?` stay within one path segment, `**`
// crosses segments, `**/` also matches no directory at all, and `{a,b}` matches either
// alternative (not nested). Nothing else is special.

const REGEX_SPECIALS = new Set(['\\', '^', '$', '.', '|', '+', '(', ')', '[', ']', '{', '}']);

/** Compiles a glob to an anchored regex over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let index = 0;
  while (index < glob.length) {
    const char = glob.charAt(index);
    if (char === '*' && glob.charAt(index + 1) === '*') {
      index += 2;
      while (glob.charAt(index) === '*') index += 1;
      if (glob.charAt(index) === '/') {
        source += '(?:.*/)?';
        index += 1;
      } else {
        source += '.*';
      }
      continue;
    }
    if (char === '{') {
      const close = glob.indexOf('}', index + 1);
      const inner = close === -1 ? '' : glob.slice(index + 1, close);
      if (close !== -1 && inner.includes(',') && !inner.includes('{')) {
        source += `(?:${inner.split(',').map((part) => globToRegExp(part).source.slice(1, -1)).join('|')})`;
        index = close + 1;
        continue;
      }
    }
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (REGEX_SPECIALS.has(char)) source += `\\${char}`;
    else source += char;
    index += 1;
  }
  return new RegExp(`^${source}$`, 'u');
}

/** True when a relative path (with `/` separators) matches the glob. */
export function matchesGlob(glob: string, relativePath: string): boolean {
  return globToRegExp(glob).test(relativePath);
}
