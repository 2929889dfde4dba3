import { readBareArgs, readParenArgs, type Call } from './args.js';
import { firstStringFrom, lineOf, type Source } from './source.js';

/** A call of one of the names looked for, with its receiver chain and arguments. */
export interface CallSite {
  name: string;
  /** The receiver chain as masked text, e.g. `knex.schema.withSchema(_____).` or `DB::` ('' if none). */
  receiver: string;
  /** Offset where the receiver chain (or the name) starts. */
  at: number;
  /** Offset of the name. */
  nameAt: number;
  call: Call;
  startLine: number;
  /** Last line of the call, heredocs opened in it included. */
  endLine: number;
}

const esc = (s: string): string => s.replace(/[$]/g, '\\$');

/** The receiver chain before `nameAt` (masked text): `knex.schema.withSchema(___).`, `DB::`, `$this->`. */
export function chainBefore(src: Source, nameAt: number): string {
  const m = src.masked;
  let k = nameAt;
  for (;;) {
    let j = k - 1;
    while (j >= 0 && /\s/.test(m[j]!)) j--;
    const sep = m.slice(Math.max(0, j - 1), j + 1);
    if (sep === '::' || sep === '->' || sep === '?.') j -= 2;
    else if (m[j] === '.') j -= 1;
    else return m.slice(k, nameAt);
    while (j >= 0 && /\s/.test(m[j]!)) j--;
    if (m[j] === ')') {
      let depth = 0;
      for (; j >= 0; j--) {
        if (m[j] === ')') depth++;
        else if (m[j] === '(') {
          depth--;
          if (depth === 0) break;
        }
      }
      j--;
    }
    let e = j;
    while (e >= 0 && /[\w$@]/.test(m[e]!)) e--;
    if (e === j && m[j + 1] !== '(') return m.slice(k, nameAt);
    k = e + 1;
  }
}

/**
 * Calls of `names` in the code of `src` (comments and strings are masked, so mentions there do
 * not count). With `bare`, Ruby/Elixir calls without parentheses are read too.
 */
export function findCalls(src: Source, names: readonly string[], bare: boolean): CallSite[] {
  const re = new RegExp(`(?<![\\w$@])(${names.map(esc).join('|')})(?![\\w$!?])`, 'g');
  const out: CallSite[] = [];
  for (const m of src.masked.matchAll(re)) {
    const nameAt = m.index;
    if (src.masked[nameAt - 1] === ':' && src.masked[nameAt - 2] !== ':') continue;
    const receiver = chainBefore(src, nameAt);
    const at = nameAt - receiver.length;
    let k = nameAt + m[1]!.length;
    let call: Call;
    const rest = src.masked.slice(k, k + 200);
    const paren = /^\s*\(/.exec(rest);
    if (paren) call = readParenArgs(src, k + paren[0].length - 1);
    else if (
      bare &&
      (/^[ \t]+[^\s=.)\]},&|?*/<>+-]/.test(rest) || /^[ \t]+<<[~-]?['"A-Z_]/.test(rest)) &&
      !/^[ \t]+(do|if|unless|and|or|then|end)\b/.test(rest)
    ) {
      k += /^[ \t]+/.exec(rest)![0].length;
      call = readBareArgs(src, k);
    } else if (bare && /^\s*(do\b|$|\n|;)/.test(rest)) call = { args: [], end: k };
    else continue;
    let endOffset = Math.max(nameAt, call.end - 1);
    for (
      let i = firstStringFrom(src, nameAt);
      i < src.strings.length && src.strings[i]!.open < call.end;
      i++
    ) {
      endOffset = Math.max(endOffset, src.strings[i]!.close - 1);
    }
    out.push({
      name: m[1]!,
      receiver,
      at,
      nameAt,
      call,
      startLine: lineOf(src, nameAt),
      endLine: lineOf(src, endOffset),
    });
  }
  return out;
}

/** Whether the call is followed on its last line by a block opener (`do`, `{`, `->`, Python `:`). */
export function opensBlock(src: Source, site: CallSite): boolean {
  const eol = src.masked.indexOf('\n', site.call.end);
  const rest = src.masked.slice(site.call.end, eol < 0 ? undefined : eol);
  return /^\s*(do\b|\{)/.test(rest) || /\bdo(\s*\|[^|]*\|)?\s*$/.test(rest);
}
