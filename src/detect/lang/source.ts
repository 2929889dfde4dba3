/** The source languages the framework extractors read. */
export type Lang = 'ruby' | 'python' | 'js' | 'php' | 'elixir' | 'csharp';

/** A string literal: delimiters at `open` and `close - 1`, content in [start, end). */
export interface StringLit {
  open: number;
  start: number;
  end: number;
  close: number;
  /** Interpolated code inside the content (`#{...}`, `${...}`, f-string `{...}`), as [from, to). */
  interps: Array<[number, number]>;
  /** C# verbatim (`@"..."`, `""` is a quote, no backslash escapes) or raw (`"""..."""`, no escapes). */
  escapes?: 'verbatim' | 'raw';
}

/**
 * A source file read for scanning: `masked` has the same length as `text`, with comments blanked
 * to spaces and the non-space characters of string contents replaced by `_`, so that regular
 * expressions on it only see code, and offsets map straight back to `text`.
 */
export interface Source {
  text: string;
  masked: string;
  strings: StringLit[];
  lineStarts: number[];
}

/** Characters that can start a comment, string or heredoc in some language; all others are plain code. */
const SPECIAL = new Set([...'\n#/\'"`<%~=?'].map((c) => c.charCodeAt(0)));

/** The last few scans: extractors read the same image more than once (models, then statements). */
const recent = new Map<string, Source>();

/** Scans a file of the given language into a {@link Source}. Never throws; odd input degrades. */
export function scanSource(text: string, lang: Lang): Source {
  const key = `${lang}\u0000${text}`;
  const hit = recent.get(key);
  if (hit) return hit;
  const src = scan(text, lang);
  recent.set(key, src);
  if (recent.size > 4) recent.delete(recent.keys().next().value!);
  return src;
}

function scan(text: string, lang: Lang): Source {
  const n = text.length;
  const out = text.split('');
  const strings: StringLit[] = [];
  const blank = (a: number, b: number): void => {
    for (let k = a; k < b && k < n; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const fill = (a: number, b: number): void => {
    for (let k = a; k < b && k < n; k++) if (text.charCodeAt(k) > 32) out[k] = '_';
  };
  const heredocs: Array<{ id: string; open: number; interp: boolean; indented: boolean }> = [];
  const slash = lang === 'js' || lang === 'php' || lang === 'csharp';
  const hash = lang !== 'js' && lang !== 'csharp';

  /** Scans a quoted body from `from` to the closing `close`; returns the offset after it. */
  const quoted = (
    open: number,
    from: number,
    close: string,
    interp: string | null,
    triple = false,
    escapes?: 'verbatim' | 'raw',
  ): number => {
    const interps: Array<[number, number]> = [];
    let k = from;
    const opener = text[open]!;
    const nests = opener !== close && !triple;
    let depth = 0;
    while (k < n) {
      const ch = text[k]!;
      if (ch === '\\' && !escapes && !(lang === 'python' && text[open - 1] === 'r')) {
        k += 2;
        continue;
      }
      if (escapes === 'verbatim' && ch === close && text[k + 1] === close) {
        k += 2;
        continue;
      }
      if (interp && text.startsWith(interp, k)) {
        const s = k;
        k = skipBraces(text, k + interp.length - 1);
        interps.push([s, k]);
        continue;
      }
      if (nests && ch === opener) depth++;
      else if (triple ? text.startsWith(close.repeat(3), k) : ch === close) {
        if (depth === 0) break;
        depth--;
      }
      k++;
    }
    const end = Math.min(k, n);
    const closeAt = Math.min(n, end + (triple ? 3 : 1));
    strings.push({ open, start: from, end, close: closeAt, interps, ...(escapes ? { escapes } : {}) });
    fill(from, end);
    return closeAt;
  };

  let i = 0;
  while (i < n) {
    if (!SPECIAL.has(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const c = text[i]!;
    const atLineStart = i === 0 || text[i - 1] === '\n';
    if (c === '\n') {
      i++;
      while (heredocs.length > 0) {
        const h = heredocs.shift()!;
        let k = i;
        let end = n;
        let close = n;
        while (k < n) {
          const eol = text.indexOf('\n', k) < 0 ? n : text.indexOf('\n', k);
          const line = text.slice(k, eol);
          const trimmed = h.indented ? line.trim() : line.trimEnd();
          if (trimmed === h.id || (lang === 'php' && new RegExp(`^\\s*${h.id}\\b`).test(line))) {
            end = k;
            close = eol;
            break;
          }
          k = eol + 1;
        }
        const interps: Array<[number, number]> = [];
        if (h.interp) {
          const marker = lang === 'ruby' ? '#{' : '{$';
          for (let p = text.indexOf(marker, i); p >= 0 && p < end; p = text.indexOf(marker, p + 1)) {
            interps.push([p, skipBraces(text, p + marker.length - 1)]);
          }
        }
        strings.push({ open: h.open, start: i, end, close, interps });
        fill(i, close);
        i = Math.min(n, close + 1);
      }
      continue;
    }
    // Comments.
    if (
      (hash && c === '#' && !(lang === 'php' && text[i + 1] === '[')) ||
      (slash && c === '/' && text[i + 1] === '/')
    ) {
      if (lang === 'elixir' && text[i - 1] === '?') {
        i++;
        continue;
      }
      const eol = text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i);
      blank(i, eol);
      i = eol;
      continue;
    }
    if (slash && c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      const end = e < 0 ? n : e + 2;
      blank(i, end);
      i = end;
      continue;
    }
    if (lang === 'ruby' && atLineStart && text.startsWith('=begin', i)) {
      const e = text.indexOf('\n=end', i);
      const end = e < 0 ? n : text.indexOf('\n', e + 1) < 0 ? n : text.indexOf('\n', e + 1);
      blank(i, end);
      i = end;
      continue;
    }
    // Heredocs: Ruby <<~ID / <<-ID / <<ID, PHP <<<ID / <<<'ID'.
    if (c === '<' && text[i + 1] === '<') {
      const m =
        lang === 'ruby'
          ? /^<<([~-]?)(['"]?)([A-Za-z_]\w*)\2/.exec(text.slice(i, i + 80))
          : lang === 'php'
            ? /^<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1/.exec(text.slice(i, i + 80))
            : null;
      if (m && (lang === 'php' || m[1] !== '' || /^[A-Z_]+$/.test(m[3]!))) {
        const id = (lang === 'ruby' ? m[3] : m[2])!;
        const quote = lang === 'ruby' ? m[2] : m[1];
        heredocs.push({ id, open: i, interp: quote !== "'", indented: lang === 'php' || m[1] !== '' });
        i += m[0].length;
        continue;
      }
    }
    // Elixir sigils and heredocs.
    if (lang === 'elixir' && c === '~' && /[A-Za-z]/.test(text[i + 1] ?? '')) {
      const d = text[i + 2] ?? '';
      if (d === '"' && text.startsWith('"""', i + 2)) {
        i = quoted(i + 2, i + 5, '"', text[i + 1] === 's' ? '#{' : null, true);
        continue;
      }
      const pairs: Record<string, string> = {
        '(': ')',
        '[': ']',
        '{': '}',
        '<': '>',
        '"': '"',
        "'": "'",
        '|': '|',
        '/': '/',
      };
      if (d in pairs) {
        i = quoted(i + 2, i + 3, pairs[d]!, /[a-z]/.test(text[i + 1]!) ? '#{' : null);
        continue;
      }
    }
    // Ruby %q(...) family.
    if (
      lang === 'ruby' &&
      c === '%' &&
      /[qQwWiI]/.test(text[i + 1] ?? '') &&
      /[([{<|!]/.test(text[i + 2] ?? '')
    ) {
      const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>', '|': '|', '!': '!' };
      i = quoted(i + 2, i + 3, pairs[text[i + 2]!]!, text[i + 1] === 'Q' ? '#{' : null);
      continue;
    }
    if (c === '"' || c === "'" || (c === '`' && (lang === 'js' || lang === 'ruby'))) {
      if (lang === 'elixir' && text[i - 1] === '?') {
        i++;
        continue;
      }
      const triple =
        (lang === 'python' || lang === 'elixir' || (lang === 'csharp' && c === '"')) &&
        text.startsWith(c.repeat(3), i);
      let interp: string | null = null;
      if (lang === 'csharp' && c === '"') {
        // C#: `@"..."` verbatim, `$"..."` interpolated, `"""..."""` raw (prefixes in either order).
        const prefix = /[@$]*$/.exec(text.slice(Math.max(0, i - 3), i))![0];
        const escapes = triple ? 'raw' : prefix.includes('@') ? 'verbatim' : undefined;
        i = quoted(i, i + (triple ? 3 : 1), c, prefix.includes('$') ? '{' : null, triple, escapes);
        continue;
      }
      if (c === '`' && lang === 'js') interp = '${';
      else if (c === '"' && (lang === 'ruby' || lang === 'elixir')) interp = '#{';
      else if (lang === 'python') {
        const prefix = /[A-Za-z]*$/.exec(text.slice(Math.max(0, i - 2), i))![0];
        if (/f/i.test(prefix)) interp = '{';
      }
      i = quoted(i, i + (triple ? 3 : 1), c, interp, triple);
      continue;
    }
    i++;
  }
  const lineStarts = [0];
  for (let k = 0; k < n; k++) if (text[k] === '\n') lineStarts.push(k + 1);
  strings.sort((a, b) => a.open - b.open);
  return { text, masked: out.join(''), strings, lineStarts };
}

/** From an opening brace at `at`, the offset after its matching close (quotes inside skipped). */
function skipBraces(text: string, at: number): number {
  let depth = 0;
  for (let k = at; k < text.length; k++) {
    const ch = text[k];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return k + 1;
    } else if (ch === '"' || ch === "'") {
      const e = text.indexOf(ch, k + 1);
      if (e < 0) return text.length;
      k = e;
    }
  }
  return text.length;
}

/** The 1-based line of an offset. */
export function lineOf(src: Source, offset: number): number {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (src.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The text of a 1-based line (without its newline); `masked` for the masked text. */
export function lineText(src: Source, line: number, masked = false): string {
  const s = src.lineStarts[line - 1] ?? src.text.length;
  const e = src.lineStarts[line] ?? src.text.length + 1;
  return (masked ? src.masked : src.text).slice(s, e - 1);
}

/** Index of the first string literal that opens at or after `offset` (strings are sorted by `open`). */
export function firstStringFrom(src: Source, offset: number): number {
  let lo = 0;
  let hi = src.strings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (src.strings[mid]!.open < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The string literal that opens at `offset`, after spaces and a prefix (`f`, `r`, `~s`, `%q`). */
export function stringAt(src: Source, offset: number): StringLit | undefined {
  let k = offset;
  while (k < src.text.length && /\s/.test(src.masked[k]!)) k++;
  for (let i = firstStringFrom(src, k); i < src.strings.length; i++) {
    const s = src.strings[i]!;
    if (s.open > k + 3) return undefined;
    if (/^[A-Za-z~%]*$/.test(src.masked.slice(k, s.open))) return s;
  }
  return undefined;
}

const inString = new WeakMap<Source, Uint8Array>();

/** Whether a line begins inside a string that opened on an earlier line (heredoc or multi-line literal). */
export function lineInString(src: Source, line: number): boolean {
  let marks = inString.get(src);
  if (!marks) {
    marks = new Uint8Array(src.lineStarts.length + 2);
    for (const str of src.strings) {
      for (
        let l = lineOf(src, str.open) + 1;
        l <= src.lineStarts.length && src.lineStarts[l - 1]! < str.close;
        l++
      ) {
        marks[l] = 1;
      }
    }
    inString.set(src, marks);
  }
  return marks[line] === 1;
}
