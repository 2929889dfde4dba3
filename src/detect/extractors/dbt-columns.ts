import { tokenize, type Token } from '../sql/tokenize.js';

/** One output column of a model's final SELECT: its name (as written), its key and its lines. */
export interface OutputColumn {
  name: string;
  /** Case-folded unless quoted: how the warehouse compares it. */
  key: string;
  line: number;
  /** The item's tokens, for comparing expressions (whitespace and comments left out). */
  text: string;
}

/** A model's SQL cut around its final SELECT's list: what comes before, the columns, what comes after. */
export interface SelectList {
  columns: OutputColumn[];
  /** Everything but the select list, token by token. */
  rest: string;
}

/**
 * The output columns of a dbt model's SQL (its outer SELECT: the first at the top level, after
 * any CTEs; a UNION's first branch names the columns), or undefined when they cannot be told
 * statically: a `*` over anything but a CTE (a `ref()` hides its columns), a Jinja expression
 * or statement inside the list (a macro that writes columns, a conditional column), an
 * expression without a name. `select * from final` reads the list of the CTE `final`, as
 * dbt's style guide writes models.
 */
export function selectList(sql: string): SelectList | undefined {
  const tokens = tokenize(sql, 'generic').filter((t) => t.type !== 'comment');
  const range = listRange(tokens, 0, tokens.length, 0);
  if (!range) return undefined;
  const items: Token[][] = [[]];
  for (let i = range.start, depth = 0; i < range.end; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    if (depth === 0 && isPunct(t, ',')) items.push([]);
    else items[items.length - 1]!.push(t);
  }
  const columns: OutputColumn[] = [];
  for (const item of items) {
    const column = outputColumn(item);
    if (!column) return undefined;
    columns.push(column);
  }
  const rest = [...tokens.slice(0, range.start), ...tokens.slice(range.end)].map((t) => t.text).join(' ');
  return { columns, rest };
}

const isPunct = (t: Token | undefined, text: string) => t?.type === 'punct' && t.text === text;
const isWord = (t: Token | undefined, value: string) => t?.type === 'word' && t.value === value;

/** Where the output list of the query in tokens[from, to) is: [start, end). */
function listRange(
  tokens: readonly Token[],
  from: number,
  to: number,
  hops: number,
): { start: number; end: number } | undefined {
  const ctes = new Map<string, [number, number]>();
  let depth = 0;
  let select = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(')) {
      // `name as (` at the top level opens a CTE's body.
      if (depth === 0 && isWord(tokens[i - 1], 'AS') && /^(word|ident)$/.test(tokens[i - 2]?.type ?? '')) {
        const close = closing(tokens, i, to);
        if (close < 0) return undefined;
        ctes.set(tokens[i - 2]!.value.toUpperCase(), [i + 1, close]);
        i = close;
        continue;
      }
      depth++;
    } else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && isWord(t, 'SELECT')) {
      select = i;
      break;
    }
  }
  if (select < 0) return undefined;
  let start = select + 1;
  while (isWord(tokens[start], 'DISTINCT') || isWord(tokens[start], 'ALL')) start++;
  let end = start;
  for (depth = 0; end < to; end++) {
    const t = tokens[end]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    if (depth < 0 || (depth === 0 && (isPunct(t, ';') || (t.type === 'word' && AFTER_LIST.has(t.value)))))
      break;
  }
  // `select * from final`: the columns are the CTE's (a few hops at most).
  if (end === start + 1 && isPunct(tokens[start], '*') && isWord(tokens[end], 'FROM') && hops < 4) {
    const source = tokens[end + 1];
    const after = tokens[end + 2];
    const cte =
      source && /^(word|ident)$/.test(source.type) ? ctes.get(source.value.toUpperCase()) : undefined;
    const alone =
      end + 2 >= to || isPunct(after, ';') || (after?.type === 'word' && ENDS_SOURCE.has(after.value));
    if (cte && alone) return listRange(tokens, cte[0], cte[1], hops + 1);
  }
  return { start, end };
}

/** The index of the `)` closing the `(` at `open`, or -1. */
function closing(tokens: readonly Token[], open: number, to: number): number {
  for (let i = open, depth = 0; i < to; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')') && --depth === 0) return i;
  }
  return -1;
}

/** Operators: a name after one is an operand, not an alias. */
const OPERATORS = /^(?:[-+*/%|=<>!~^&]+|::)$/;
/** Words that end a select list. */
const AFTER_LIST = new Set([
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'UNION',
  'QUALIFY',
  'WINDOW',
]);
/** Words after `from <cte>` that keep its rows' columns as they are. */
const ENDS_SOURCE = new Set(['WHERE', 'ORDER', 'LIMIT', 'QUALIFY']);

/** The name an item of a select list gives its column, or undefined when it cannot be told. */
function outputColumn(item: readonly Token[]): OutputColumn | undefined {
  if (item.length === 0) return undefined;
  if (item.some((t) => t.type === 'template' || (t.type === 'punct' && t.text === '*'))) return undefined;
  const last = item[item.length - 1]!;
  const named = last.type === 'word' || last.type === 'ident';
  const before = item[item.length - 2];
  let nameToken: Token | undefined;
  if (item.length === 1 && named) nameToken = last;
  else if (named && before?.type === 'word' && before.value === 'AS') nameToken = last;
  else if (named && before?.type === 'punct' && before.text === '.')
    nameToken = last; // t.col
  else if (
    named &&
    before &&
    !(before.type === 'punct' && (OPERATORS.test(before.text) || before.text === '('))
  )
    nameToken = last; // an alias without AS: `amount / 100 dollars`
  if (!nameToken) return undefined;
  const name = nameToken.type === 'ident' ? nameToken.value : nameToken.text;
  return {
    name,
    key: nameToken.type === 'ident' ? name : name.toLowerCase(),
    line: item[0]!.line,
    text: item.map((t) => t.text).join(' '),
  };
}
