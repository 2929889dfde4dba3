import type { FileChange, RepoContext, TableChange } from '../types.js';
import { frozenByConfig, modelSchemas } from './sequelize-models.js';

/** Model files a data migration may write through (`db.Order.create(...)`). */
export const SEQUELIZE_MODEL_GLOBS = ['**/models/*.{js,cjs,mjs,ts}'];

const WRITES = 'create|bulkCreate|update|destroy|upsert|findOrCreate|increment|decrement|truncate|restore';
const MODELS_REQUIRE =
  /\b(?:const|let|var)\s+(\w+)\s*=\s*require\(\s*['"]([^'"]*\bmodels(?:\/index(?:\.[cm]?[jt]s)?)?)['"]\s*\)/g;
const MODELS_IMPORT =
  /\bimport\s+(?:\*\s+as\s+)?(\w+)\s+from\s+['"]([^'"]*\bmodels(?:\/index(?:\.[cm]?[jt]s)?)?)['"]/g;

/** The variables a file binds to its models folder (`const db = require('../models')`), with the folder. */
function modelBindings(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const re of [MODELS_REQUIRE, MODELS_IMPORT])
    for (const m of text.matchAll(re)) out.set(m[1]!, m[2]!.replace(/\/index(?:\.[cm]?[jt]s)?$/, ''));
  return out;
}

/**
 * A migration that writes rows through the application's Sequelize models instead of
 * `queryInterface`: it requires the models folder, exports `up`, and calls a write method on
 * a model of it.
 */
export function isModelDataMigration(path: string, text: string): boolean {
  if (!/(^|\/)migrations?\//.test(path) || !/\bup\b\s*[:=(]|\bup\s*\(/.test(text)) return false;
  // Another tool's migration that also touches models is that tool's.
  if (/\bknex\b|\.schema\s*\.|\bqueryRunner\b|\bMigrationInterface\b/.test(text)) return false;
  for (const name of modelBindings(text).keys())
    if (new RegExp(`\\b${name}\\s*\\.\\s*\\w+\\s*\\.\\s*(?:${WRITES})\\s*\\(`).test(text)) return true;
  return false;
}

/** Folder of `from` joined with a relative `to` (`server/migrations` + `../models`). */
function resolvePath(fromFile: string, to: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const piece of to.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const JS_FILE = /\.[cm]?[jt]s$/;

/**
 * The table a model key of the models folder maps to: through `index.js`'s explicit
 * `Key: Factory(sequelize, ...)` with `const Factory = require('./file')`, else the model file
 * whose `define('Key', ...)` or `class Key` names it.
 */
function tableOfModel(
  repo: RepoContext,
  folder: string,
  key: string,
  side: 'before' | 'after',
): string | undefined {
  const files = repo.list(`${folder}/*`, side).filter((p) => JS_FILE.test(p));
  const frozen = frozenByConfig(repo, side);
  const tableIn = (path: string, name?: string): string | undefined => {
    const models = modelSchemas(repo.read(path, side) ?? '', frozen).models;
    const model = name ? models.find((m) => m.name === name) : models.length === 1 ? models[0] : undefined;
    return model?.table ?? undefined;
  };
  const index = files.find((p) => /\/index\.[cm]?[jt]s$/.test(p));
  const indexText = index ? (repo.read(index, side) ?? '') : '';
  const factory = new RegExp(`\\b${key}\\s*:\\s*(\\w+)\\s*\\(`).exec(indexText)?.[1];
  const required = factory
    ? new RegExp(`\\b${factory}\\s*=\\s*require\\(\\s*['"]\\./([^'"]+)['"]\\s*\\)`).exec(indexText)?.[1]
    : undefined;
  if (required) {
    const target = files.find((p) => p.replace(JS_FILE, '') === `${folder}/${required.replace(JS_FILE, '')}`);
    const table = target ? tableIn(target) : undefined;
    if (table) return table;
  }
  for (const path of files) {
    if (path === index) continue;
    const table = tableIn(path, key);
    if (table) return table;
  }
  return undefined;
}

/** The tables a model data migration writes, on its added lines (the up direction). */
export function modelDataChanges(change: FileChange, repo: RepoContext | undefined): TableChange[] {
  const text = change.after;
  if (text === undefined || change.status === 'deleted') return [];
  const lines = text.split('\n');
  const out: TableChange[] = [];
  for (const [name, target] of modelBindings(text)) {
    const folder = resolvePath(change.path, target);
    const call = new RegExp(`\\b${name}\\s*\\.\\s*(\\w+)\\s*\\.\\s*(?:${WRITES})\\s*\\(`, 'g');
    lines.forEach((line, i) => {
      if (change.status !== 'added' && !change.addedLines.has(i + 1)) return;
      for (const m of line.matchAll(call)) {
        const table = repo ? tableOfModel(repo, folder, m[1]!, 'after') : undefined;
        out.push({ table: table ?? null, kind: 'data', line: i + 1, evidence: line.trim().slice(0, 200) });
      }
    });
  }
  return out;
}
