import { literalAt, positional } from '../lang/args.js';
import { blockEnd } from '../lang/blocks.js';
import { chainBefore, findCalls } from '../lang/calls.js';
import { sqlOperations } from '../lang/embedded-sql.js';
import type { Operation } from '../lang/operations.js';
import { lineOf, type Source } from '../lang/source.js';

/** Queryset and instance methods that write rows. */
const WRITE = /^(save|delete|update|create|bulk_create|bulk_update|get_or_create|update_or_create)$/;
/** Writes that can only be model writes, whatever the receiver (a dict has `update`, not these). */
const MODEL_ONLY = /^(save|bulk_create|bulk_update|get_or_create|update_or_create)$/;
const M2M_WRITE = /^(add|remove|set|clear)$/;

/** The body of `def name(...)` in the file: [offset, end offset, first line, last line]. */
function functionBody(src: Source, name: string): [number, number, number, number] | undefined {
  const def = new RegExp(`^[ \\t]*def\\s+${name}\\s*\\(`, 'm').exec(src.masked);
  if (!def) return undefined;
  const start = lineOf(src, def.index + def[0].search(/def/));
  const end = blockEnd(src, start, false);
  return [def.index, src.lineStarts[end] ?? src.masked.length, start, end];
}

/**
 * The tables a `RunPython` forward function writes: rows saved, created, updated or deleted
 * through models loaded with `apps.get_model`, followed through variables, loops and the
 * file's own helper functions. Models only read do not count.
 */
export function dataWrites(src: Source, fn: string, app: string): Operation[] {
  const bodies: Array<[number, number, number, number]> = [];
  const queue = [fn];
  const done = new Set<string>();
  while (queue.length > 0 && bodies.length < 20) {
    const name = queue.shift()!;
    if (done.has(name)) continue;
    done.add(name);
    const body = functionBody(src, name);
    if (!body) continue;
    bodies.push(body);
    for (const m of src.masked.slice(body[0], body[1]).matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g))
      if (!done.has(m[1]!) && m[1] !== 'def') queue.push(m[1]!);
  }
  const within = (at: number): boolean => bodies.some(([a, b]) => at >= a && at < b);
  const text = bodies.map(([a, b]) => src.masked.slice(a, b)).join('\n');
  // Names bound by `for x in ["A", "B"]` over literal model names.
  const loops = new Map<string, string[]>();
  for (const m of src.masked.matchAll(/\bfor\s+(\w+)\s+in\s*[[(]/g)) {
    if (!within(m.index)) continue;
    const open = m.index + m[0].length - 1;
    const close = src.masked.indexOf(src.masked[open] === '[' ? ']' : ')', open);
    const names = src.strings
      .filter((s) => s.open > open && s.close <= close)
      .map((s) => src.text.slice(s.start, s.end));
    if (names.length > 0) loops.set(m[1]!, names);
  }
  // Variables bound to models, querysets or instances: name → tables.
  const vars = new Map<string, string[]>();
  for (const site of findCalls(src, ['get_model'], false)) {
    if (!within(site.nameAt)) continue;
    const args = positional(site.call);
    const lit = args.map((a) => literalAt(src, a.value));
    let label = app;
    let models: string[] = [];
    if (args.length >= 2) {
      label = lit[0] ?? app;
      const id = src.masked.slice(args[1]!.value, args[1]!.end).trim();
      models = lit[1] ? [lit[1]] : (loops.get(id) ?? []);
    } else if (lit[0]) {
      const [l, m] = lit[0].includes('.') ? lit[0].split('.') : [app, lit[0]];
      label = l!;
      models = m ? [m] : [];
    }
    const tables = models.map((m) => `${label}_${m.toLowerCase()}`);
    const line = src.masked.slice(src.lineStarts[site.startLine - 1]!, site.at);
    const v = /(\w+)\s*=\s*[\w.]*$/.exec(line)?.[1];
    if (v && tables.length > 0) vars.set(v, [...(vars.get(v) ?? []), ...tables]);
  }
  // Propagate through `x = var...` and `for x in var...` until nothing changes.
  for (let pass = 0; pass < 4; pass++) {
    for (const m of text.matchAll(/(?:^|\n)[ \t]*(\w+)\s*=\s*(\w+)\b|\bfor\s+(\w+)\s+in\s+(\w+)\b/g)) {
      const [to, from] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!];
      const t = vars.get(from);
      if (t && !vars.has(to)) vars.set(to, t);
    }
  }
  const ops: Operation[] = [];
  const names = [
    'save',
    'delete',
    'update',
    'create',
    'bulk_create',
    'bulk_update',
    'get_or_create',
    'update_or_create',
    'add',
    'remove',
    'set',
    'clear',
  ];
  let unknown: number | undefined;
  for (const site of findCalls(src, names, false)) {
    if (!within(site.nameAt)) continue;
    const receiver = chainBefore(src, site.nameAt);
    const parts = receiver.split('.').filter((p) => p !== '');
    const root = /^\w+/.exec(parts[0] ?? '')?.[0];
    const tables = root ? vars.get(root) : undefined;
    const line = site.startLine;
    if (M2M_WRITE.test(site.name)) {
      // instance.<m2m field>.add(...) writes the join table <table>_<field>.
      const field = parts.length === 2 && /^\w+$/.test(parts[1]!) ? parts[1] : undefined;
      if (tables && field)
        for (const t of tables) ops.push({ table: `${t}_${field}`, kind: 'data', start: line, end: line });
      continue;
    }
    if (!WRITE.test(site.name)) continue;
    if (tables) for (const t of tables) ops.push({ table: t, kind: 'data', start: line, end: line });
    else if (MODEL_ONLY.test(site.name) || (site.name === 'delete' && receiver !== '')) unknown ??= line;
  }
  // A write through something we could not follow (a helper's return value): every model loaded.
  if (ops.length === 0 && unknown !== undefined)
    for (const t of new Set([...vars.values()].flat()))
      ops.push({ table: t, kind: 'data', start: unknown, end: unknown });
  // SQL run by the function itself (schema_editor.execute, cursor.execute).
  for (const site of findCalls(src, ['execute'], false)) {
    if (!within(site.nameAt)) continue;
    const arg = positional(site.call)[0];
    if (arg) ops.push(...sqlOperations(src, arg.start, arg.end));
  }
  return ops;
}
