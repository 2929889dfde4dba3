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

const KEYWORDS_AFTER_LIST = new Set([
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
const OPERATORS = /^(?:[-+*/%|=<>!~^&]+|::)$/;

/**
 * The output columns of a dbt model's SQL (its outer SELECT: the first at the top level, after
 * any CTEs; a UNION's first branch names the columns), or undefined when they cannot be told
 * statically: a `*`, a Jinja expression or statement inside the list (a macro that writes
 * columns, a conditional column), an expression without a name.
 */
export function selectList(sql: string): SelectList | undefined {
  const tokens = tokenize(sql, 'generic').filter((t) => t.type !== 'comment');
  let depth = 0;
  let select = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    else if (depth === 0 && t.type === 'word' && t.value === 'SELECT') {
      select = i;
      break;
    }
  }
  if (select < 0) return undefined;
  let start = select + 1;
  while (
    tokens[start]?.type === 'word' &&
    (tokens[start]!.value === 'DISTINCT' || tokens[start]!.value === 'ALL')
  )
    start++;
  let end = start;
  const items: Token[][] = [[]];
  for (depth = 0; end < tokens.length; end++) {
    const t = tokens[end]!;
    if (t.type === 'punct' && t.text === '(') depth++;
    else if (t.type === 'punct' && t.text === ')') depth--;
    if (depth === 0 && t.type === 'word' && KEYWORDS_AFTER_LIST.has(t.value)) break;
    if (depth < 0 || (depth === 0 && t.type === 'punct' && t.text === ';')) break;
    if (depth === 0 && t.type === 'punct' && t.text === ',') items.push([]);
    else items[items.length - 1]!.push(t);
  }
  const columns: OutputColumn[] = [];
  for (const item of items) {
    const column = outputColumn(item);
    if (!column) return undefined;
    columns.push(column);
  }
  const rest = [...tokens.slice(0, start), ...tokens.slice(end)].map((t) => t.text).join(' ');
  return { columns, rest };
}

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
