import type { ChangeKind } from '../types.js';
import { isWord } from './cursor.js';
import { readName } from './qualified-name.js';
import type { SqlTarget } from './target.js';
import type { TargetReader } from './target-reader.js';

const DYNAMIC = /^\s*(?:\(?\s*)(create|alter|drop|insert|update|delete|merge|truncate|rename)\b/i;
const RUN_TIME = 'dynamic SQL: the table is named at run time';

/** PostgreSQL `DO $$ ... $$`: the statements of the body. */
export function readDo(c: TargetReader): void {
  const body = c.tokens.slice(c.i, c.end).find((t) => t.type === 'string');
  if (body) c.targets.push(...c.recurse.inString(body, c.start));
}

/** PREPARE s FROM '...' (MySQL), PREPARE s AS <statement> (PostgreSQL), PREPARE s FROM @var. */
export function readPrepare(c: TargetReader): void {
  const tokens = c.tokens;
  const from = c.find((t) => isWord(t, 'FROM', 'AS'));
  const arg = from >= 0 ? tokens[from + 1] : undefined;
  if (arg?.type === 'string') c.targets.push(...c.recurse.inString(arg, c.start));
  else if (from >= 0 && isWord(tokens[from], 'AS'))
    c.targets.push(...c.recurse.statement(from + 1, c.end, c.procedural).targets);
  else c.add(null, 'alter', { note: RUN_TIME });
}

/** EXEC sp_rename, EXEC('...'), EXECUTE 'sql', EXECUTE format('...', t), EXECUTE IMMEDIATE. */
export function readExecute(c: TargetReader): void {
  const tokens = c.tokens;
  const at = c.start;
  c.accept('IMMEDIATE');
  if (c.tok()?.type === 'param' && c.tok(1)?.text === '=') c.i += 2; // EXEC @rc = proc
  const proc = readName(tokens, c.i, c.dialect);
  const procName = proc?.text?.toLowerCase().replace(/[[\]"]/g, '') ?? '';
  if (procName.endsWith('sp_rename')) {
    c.targets.push(...spRenameTargets(c, proc!.end));
    return;
  }
  const strings = tokens.slice(c.i, c.end).filter((t) => t.type === 'string');
  const isProcCall =
    proc !== undefined &&
    proc.text !== null &&
    !procName.endsWith('sp_executesql') &&
    !['format', 'immediate'].includes(procName);
  if (isProcCall && tokens[proc.end]?.text !== '(') return;
  for (const s of strings) {
    const m = DYNAMIC.exec(s.value);
    if (!m) continue;
    const found = c.recurse.inString(s, at).filter((t) => t.table !== null && !/[%{}]/.test(t.table));
    // A name assembled at run time (`'ALTER TABLE ' || t`, `format('... %I', t)`) is unknowable.
    const complete =
      strings.length === 1 &&
      !/%[IsL]|\?/.test(s.value) &&
      !/\b(?:table|into|from|update)\s*$/i.test(s.value.trim());
    if (found.length > 0 && complete) c.targets.push(...found);
    else c.targets.push({ table: null, kind: kindOf(m[1]!), at, note: RUN_TIME });
    break;
  }
}

/** `EXEC sp_rename 'old', 'new' [, 'COLUMN' | 'INDEX' | 'OBJECT']` (SQL Server). */
function spRenameTargets(c: TargetReader, argsFrom: number): SqlTarget[] {
  const at = c.start;
  const args = c.tokens.slice(argsFrom, c.end).filter((t) => t.type !== 'punct');
  const [what, to, type] = args;
  if (what?.type !== 'string')
    return [{ table: null, kind: 'rename', at, note: 'sp_rename with a computed name' }];
  const objectType = type?.type === 'string' ? type.value.toUpperCase() : 'OBJECT';
  const target = what.value;
  if (objectType === 'OBJECT') {
    const r: SqlTarget = { table: target, kind: 'rename', at };
    if (to?.type === 'string') r.renamedTo = to.value;
    return [r];
  }
  const cut = target.lastIndexOf('.');
  return objectType === 'COLUMN' || objectType === 'INDEX'
    ? [{ table: cut > 0 ? target.slice(0, cut) : null, kind: 'alter', at }]
    : [];
}

const KINDS: Record<string, ChangeKind> = {
  create: 'create',
  alter: 'alter',
  drop: 'drop',
  rename: 'rename',
};
const kindOf = (verb: string): ChangeKind => KINDS[verb.toLowerCase()] ?? 'data';
