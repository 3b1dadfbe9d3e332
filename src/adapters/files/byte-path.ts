// File names are bytes, not always UTF-8 (`c\xffbad.txt` is a valid Linux name). A checkpoint
// keeps a path as text in the journal, so a name is read as text the way Python's
// "surrogateescape" does: valid UTF-8 as itself, each byte that is not as a lone surrogate
// U+DC80…U+DCFF — which no UTF-8 name can hold, so the text turns back into the same bytes.

const ESCAPE_BASE = 0xdc00;

/** The length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Buffer, at: number): number {
  const lead = bytes[at] ?? 0;
  const continuation = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead === 0xe0) return continuation(1, 0xa0) && continuation(2) ? 3 : 0;
  if (lead === 0xed) return continuation(1, 0x80, 0x9f) && continuation(2) ? 3 : 0; // no surrogates
  if (lead >= 0xe1 && lead <= 0xef) return continuation(1) && continuation(2) ? 3 : 0;
  if (lead === 0xf0) return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0;
  if (lead >= 0xf1 && lead <= 0xf3) return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
  if (lead === 0xf4) return continuation(1, 0x80, 0x8f) && continuation(2) && continuation(3) ? 4 : 0;
  return 0;
}

/** A file name's bytes as text: UTF-8 decoded, each invalid byte kept as U+DC80…U+DCFF. */
export function nameText(bytes: Buffer): string {
  const plain = bytes.toString('utf8');
  if (Buffer.from(plain, 'utf8').equals(bytes)) return plain;
  let text = '';
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    if (length === 0) {
      text += String.fromCharCode(ESCAPE_BASE + (bytes[at] ?? 0));
      at += 1;
    } else {
      text += bytes.subarray(at, at + length).toString('utf8');
      at += length;
    }
  }
  return text;
}

/** A path's text (from `nameText` or the journal) back as the bytes the file system knows. */
export function pathBytes(text: string): Buffer {
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc80 && code <= 0xdcff && !isHighSurrogate(text.charCodeAt(i - 1))) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - ESCAPE_BASE]));
      run = '';
    } else {
      run += text.charAt(i);
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
