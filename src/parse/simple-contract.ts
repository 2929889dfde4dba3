import type { Position } from './source-file.js';
import type { ParseLimits } from './limits.js';
import { firstInvalidUtf8 } from './utf8.js';

/** A contract file read by the fast reader. */
export interface SimpleContract {
  text: string;
  /** The top-level mapping, as `yaml` would give it. */
  data: Record<string, unknown>;
  /** Where the `ingestion_jobid` value starts, when it is a string. */
  jobIdAt?: Position;
}

// Larger files are rare, and the full parser is the one that measures them against the limits.
const MAX_BYTES = 64 * 1024;
// Tabs, carriage returns, other control characters, byte order marks and Unicode line breaks
// are all things the full parser has something to say about.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +|$)/;
const ITEM = /^( *)-(?: +|$)/;
// The core schema's numbers, null and booleans all start with one of these or are these words.
const NOT_A_STRING_START = /^[-+.~0-9]/;
const WORDS = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const WORD_VALUES: Record<string, null | boolean> = { null: null, true: true, false: false };
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
// Where a plain scalar may start here (a subset of YAML's: indicators, quotes and the rest go to the parser).
const PLAIN_START = /^[A-Za-z0-9_/$(]/;
const AFTER_VALUE = /^(?: +#.*| *)$/;
const BLANK_OR_COMMENT = /^ *(?:#.*)?$/;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A value and where the text after it starts. */
type Read = [value: unknown, end: number] | undefined;

/**
 * Reads the plain subset of YAML that nearly every contract is written in: top-level
 * `key: value` lines whose values are plain, quoted or small-integer scalars, one-line flow
 * lists of them (`[a, 'b']`), or block lists of them (`- a`), with comments and blank lines.
 * Anything else (anchors, tags, nested mappings, multi-line scalars, tabs, odd characters,
 * duplicate keys, values YAML could read as other types) gives undefined, and the caller reads
 * the file with the full parser, which positions every node and reports every problem. This
 * reader never reports: its answer is only used for a file that has nothing to report.
 */
export function readSimpleContract(bytes: Uint8Array, limits: ParseLimits): SimpleContract | undefined {
  if (bytes.length > Math.min(MAX_BYTES, limits.maxFileBytes) || limits.maxDepth < 4) return undefined;
  if (bytes[0] === 0xef) return undefined; // a byte order mark (or a file starting with other UTF-8)
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  if (!ascii && firstInvalidUtf8(bytes) >= 0) return undefined;
  const text = utf8.decode(bytes);
  if (UNUSUAL.test(text)) return undefined;
  const lines = text.split('\n');
  if (lines.length > limits.maxLines) return undefined;

  const data: Record<string, unknown> = {};
  let keys = 0; // counted as the pre-scan counts them: keys, list items, brackets and commas
  let jobIdAt: Position | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line)) {
      i++;
      continue;
    }
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (Object.hasOwn(data, key) || key === '__proto__') return undefined;
    keys++;
    const start = m[0].length;
    const rest = line.slice(start);
    if (rest === '' || rest.startsWith('#')) {
      const list = blockList(lines, i + 1);
      if (!list) return undefined;
      data[key] = list.items.length === 0 ? null : list.items;
      keys += list.items.length;
      i = list.next;
      continue;
    }
    const read = rest.startsWith('[') ? flowList(rest) : scalar(rest, false);
    if (!read || !AFTER_VALUE.test(rest.slice(read[1]))) return undefined;
    const [value] = read;
    if (Array.isArray(value)) keys += 1 + Math.max(0, value.length - 1);
    data[key] = value;
    if (key === 'ingestion_jobid' && typeof value === 'string') jobIdAt = { line: i + 1, column: start + 1 };
    i++;
  }
  if (keys === 0 || keys > limits.maxKeys) return undefined;
  return { text, data, ...(jobIdAt ? { jobIdAt } : {}) };
}

/**
 * The block list after a `key:` line: items all at one indentation, each a scalar on its own
 * line. No items (the next content is the next key, or the end) is an empty value.
 */
function blockList(lines: readonly string[], from: number): { items: unknown[]; next: number } | undefined {
  const items: unknown[] = [];
  let indent = -1;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const m = ITEM.exec(line);
    if (!m) {
      // The list (or the empty value) ends at the next top-level key; other indented text is not ours.
      if (line[0] === ' ') return undefined;
      break;
    }
    const at = m[1]!.length;
    if (indent < 0) indent = at;
    else if (at !== indent) return undefined;
    const rest = line.slice(m[0].length);
    if (rest === '' || rest.startsWith('#')) return undefined; // an empty item
    const read = scalar(rest, false);
    if (!read || !AFTER_VALUE.test(rest.slice(read[1]))) return undefined;
    items.push(read[0]);
  }
  // Trailing blank and comment lines belong to no one; the caller skips them again.
  return { items, next: i };
}

/** `[a, 'b', "c"]` on one line; nothing nested, no empty items, no trailing comma. */
function flowList(s: string): Read {
  const items: unknown[] = [];
  let at = 1;
  const spaces = () => {
    while (s[at] === ' ') at++;
  };
  spaces();
  if (s[at] === ']') return [items, at + 1];
  for (;;) {
    spaces();
    const read = scalar(s.slice(at), true);
    if (!read) return undefined;
    items.push(read[0]);
    at += read[1];
    spaces();
    if (s[at] === ']') return [items, at + 1];
    if (s[at] !== ',') return undefined;
    at++;
    spaces();
    if (s[at] === ']') return undefined;
  }
}

/** A quoted or plain scalar at the start of `s`, in a flow list (`flow`) or as a block value. */
function scalar(s: string, flow: boolean): Read {
  const c = s[0];
  if (c === "'") {
    for (let j = 1; j < s.length; j++) {
      if (s[j] !== "'") continue;
      if (s[j + 1] === "'") {
        j++;
        continue;
      }
      return [s.slice(1, j).replaceAll("''", "'"), j + 1];
    }
    return undefined; // continues on the next line
  }
  if (c === '"') {
    const j = s.indexOf('"', 1);
    if (j < 0 || s.lastIndexOf('\\', j) >= 0) return undefined; // escapes are the parser's
    return [s.slice(1, j), j + 1];
  }
  if (!PLAIN_START.test(s)) return undefined;
  let end: number;
  if (flow) {
    end = s.length;
    for (let j = 0; j < s.length; j++) {
      const ch = s[j]!;
      if (ch === ',' || ch === ']') {
        end = j;
        break;
      }
      if ('[{}#:?\'"'.includes(ch)) return undefined;
    }
  } else {
    const comment = s.indexOf(' #');
    end = comment < 0 ? s.length : comment;
  }
  const raw = s.slice(0, end).trimEnd();
  if (!flow && (raw.includes(': ') || raw.endsWith(':') || /[[\]{}]/.test(raw))) return undefined;
  if (NOT_A_STRING_START.test(raw)) return SMALL_INT.test(raw) ? [Number(raw), end] : undefined;
  if (WORDS.test(raw)) return raw in WORD_VALUES ? [WORD_VALUES[raw], end] : undefined;
  return [raw, end];
}
