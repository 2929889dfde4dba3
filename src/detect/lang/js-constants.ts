import { literalAt } from './args.js';
import { matchBracket } from './blocks.js';
import { stringConstants } from './constants.js';
import { scanSource, type Source } from './source.js';
import type { RepoContext } from '../types.js';

/** Where a JS/TS file is, so that names it imports can be read from the repository. */
export interface JsFileContext {
  path: string;
  side: 'before' | 'after';
  repo?: RepoContext;
}

/**
 * Files that commonly hold the table-name constants entities and models import
 * (`TableNames.Users` from `../constant`): the globs an extractor declares to follow them.
 */
export const JS_CONSTANT_GLOBS = [
  '**/{constant,constants,table-names,tableNames,table-name,tables,db-constants}.{ts,js,mts,mjs,cjs}',
  '**/constants/*.{ts,js}',
];

/** The value of `Obj.Member` in a file: `enum Obj { Member = 'x' }` or `const Obj = { Member: 'x' }`. */
export function memberValue(src: Source, obj: string, member: string): string | undefined {
  const decl = new RegExp(`\\b(?:enum\\s+${obj}|(?:const|let|var)\\s+${obj}(?:\\s*:[^=]+)?\\s*=)\\s*\\{`);
  const m = decl.exec(src.masked);
  if (!m) return undefined;
  const open = m.index + m[0].length - 1;
  const end = matchBracket(src, open);
  const body = src.masked.slice(open, end);
  const key = new RegExp(`(?:^|[\\s,{])${member}\\s*[=:]\\s*`).exec(body);
  return key ? literalAt(src, open + key.index + key[0].length) : undefined;
}

const JOIN_EXT = ['', '.ts', '.js', '.mts', '.mjs', '.cjs', '/index.ts', '/index.js'];

function join(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const p of rel.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** The text of the module a relative import names (`./x`, `../constant`), if the repository has it. */
function importedText(src: Source, name: string, at: JsFileContext): string | undefined {
  if (!at.repo) return undefined;
  const imp = new RegExp(
    `import\\s*(?:type\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*(['"])(\\.{1,2}/[^'"]*)\\1|\\b${name}\\b[^=;]*=\\s*require\\(\\s*(['"])(\\.{1,2}/[^'"]*)\\3`,
  ).exec(src.text);
  const spec = imp?.[2] ?? imp?.[4];
  if (!spec) return undefined;
  const dir = at.path.includes('/') ? at.path.slice(0, at.path.lastIndexOf('/')) : '';
  const base = join(dir, spec);
  for (const ext of JOIN_EXT) {
    const text = at.repo.read(base + ext, at.side);
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * The string an expression stands for: a literal, a constant of the file, or `Obj.Member` of an
 * enum or object in the file or in a module it imports relatively. Undefined when unknown.
 */
export function resolveJsName(src: Source, expr: string, at?: JsFileContext): string | undefined {
  const plain = /^[A-Za-z_$][\w$]*$/.test(expr);
  if (plain) {
    const local = stringConstants(src).get(expr);
    if (local !== undefined) return local;
    const text = at && importedText(src, expr, at);
    return text === undefined ? undefined : stringConstants(scanSource(text, 'js')).get(expr);
  }
  const member = /^([A-Za-z_$][\w$]*)\s*\.\s*([A-Za-z_$][\w$]*)$/.exec(expr);
  if (!member) return undefined;
  const [, obj, key] = member as unknown as [string, string, string];
  const local = memberValue(src, obj, key);
  if (local !== undefined) return local;
  const text = at && importedText(src, obj, at);
  return text === undefined ? undefined : memberValue(scanSource(text, 'js'), obj, key);
}
