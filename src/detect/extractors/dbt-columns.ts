import { isWord } from '../sql/cursor.js';
import { close, normalise, splitCommas } from '../sql/table-facts.js';
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
  const items = splitCommas(tokens, range.start, range.end).map(([a, b]) => tokens.slice(a, b));
  const columns: OutputColumn[] = [];
  for (const item of items) {
    const column = outputColumn(item);
    if (!column) return undefined;
    columns.push(column);
  }
  const rest = normalise([...tokens.slice(0, range.start), ...tokens.slice(range.end)], 'generic');
  return { columns, rest };
}

const isPunct = (t: Token | undefined, text: string) => t?.type === 'punct' && t.text === text;

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
        const after = close(tokens, i, to); // an unclosed body leaves no SELECT to find
        ctes.set(tokens[i - 2]!.value.toUpperCase(), [i + 1, after - 1]);
        i = after - 1;
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
  while (isWord(tokens[start], 'DISTINCT', 'ALL')) start++;
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
  if (item.some((t) => t.type === 'template' || isPunct(t, '*'))) return undefined;
  // The name is the last word: the column itself (`id`, `o.id`), or an alias with or without
  // AS (`amount / 100 as dollars`, `amount / 100 dollars`); not an operand (`a + b`, `f(x)`).
  const nameToken = item[item.length - 1]!;
  const before = item[item.length - 2];
  if (nameToken.type !== 'word' && nameToken.type !== 'ident') return undefined;
  if (before?.type === 'punct' && (OPERATORS.test(before.text) || before.text === '(')) return undefined;
  const name = nameToken.type === 'ident' ? nameToken.value : nameToken.text;
  return {
    name,
    key: nameToken.type === 'ident' ? name : name.toLowerCase(),
    line: item[0]!.line,
    text: normalise(item, 'generic'),
  };
}
