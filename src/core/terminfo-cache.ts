// The terminal description blessed ended up with (DESIGN.md §6, cold start): kept in the store so
// the next start skips finding, reading and parsing the terminfo file (and blessed's fallbacks).

/** A parsed terminfo entry as plain data: what blessed's `readTerminfo` returns, minus its header. */
export type TerminfoData = {
  readonly name: string;
  readonly names: readonly string[];
  readonly desc: string;
  /** The file the capabilities came from (the system's, or one of blessed's own when that failed). */
  readonly file: string;
  readonly bools: Readonly<Record<string, boolean>>;
  readonly numbers: Readonly<Record<string, number>>;
  readonly strings: Readonly<Record<string, string>>;
  /** blessed's message when it fell back from the system file (e.g. "Terminfo parse error."). */
  readonly error: string | undefined;
};

/**
 * Where the view keeps terminfo between starts. `systemFile` is the file blessed found for `term`
 * (undefined: none); an entry counts only while that file and the data's own file are unchanged.
 */
export type TerminfoCache = {
  load(term: string, systemFile: string | undefined): TerminfoData | undefined;
  save(term: string, systemFile: string | undefined, data: TerminfoData): void;
};
