// The small glob dialect of list_files: `*` and `?` stay within one path segment, `**`
// crosses segments, and `**/` also matches no directory at all. Nothing else is special.

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
