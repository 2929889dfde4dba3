import { isMap, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Diagnostic, Severity } from '../validate/diagnostic.js';
import { messages } from '../messages.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { SourceFile } from './source-file.js';

export interface ParsedFile {
  source: SourceFile;
  /** The top-level mapping as plain data; absent when the file could not be read as one. */
  data?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

const BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Reads one contract file's bytes into data with source positions. Every problem becomes a
 * diagnostic; nothing here throws on bad input.
 */
export function parseContractFile(
  file: string,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_LIMITS,
): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const report = (
    rule: string,
    severity: Severity,
    line: number,
    column: number,
    m: { message: string; hint?: string },
  ) => diagnostics.push({ file, line, column, severity, rule, ...m });
  const fail = (rule: string, line: number, column: number, m: { message: string; hint?: string }) => {
    report(rule, 'error', line, column, m);
    return { source: new SourceFile(file, '', lineCounter), diagnostics };
  };

  if (bytes.length > limits.maxFileBytes)
    return fail('file-too-large', 1, 1, messages.fileTooLarge(bytes.length, limits.maxFileBytes));
  let start = 0;
  if (bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b)) {
    report('bom', 'warning', 1, 1, messages.bom());
    start = 3;
  }
  const text = utf8.decode(bytes.subarray(start));
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const { line, column } = positionOf(text, bad);
    return fail('encoding', line, column, messages.notUtf8());
  }

  const scan = scanStructure(text, limits);
  if (scan) return fail(scan.rule, scan.line, scan.column, scan.m);

  const doc = parseDocument(text, {
    version: '1.2', // no yes/no booleans, no sexagesimal numbers
    schema: 'core',
    merge: false, // `<<` stays a plain key and is reported below
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    lineCounter,
  });
  const source = new SourceFile(file, text, lineCounter, doc);
  const fromError = (e: YAMLError, severity: Severity) => {
    const { line, column } = source.at(e.pos[0]);
    const rule = yamlRule(e.code);
    report(rule, severity, line, column, messages.yamlError(rule, e.message));
  };
  for (const e of doc.errors) fromError(e, 'error');
  // An unresolved tag (`!Ref`, `!!js/function`) is only a warning to `yaml`; to us it is an error.
  for (const w of doc.warnings) fromError(w, w.code === 'TAG_RESOLVE_FAILED' ? 'error' : 'warning');
  if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };

  if (doc.contents === null)
    return {
      source,
      diagnostics: [
        ...diagnostics,
        { file, line: 1, column: 1, severity: 'error', rule: 'empty-file', ...messages.emptyFile() },
      ],
    };
  if (!isMap(doc.contents)) {
    const { line, column } = source.locate([]);
    report('not-a-mapping', 'error', line, column, messages.notAMapping());
    return { source, diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    report('alias-limit', 'error', 1, 1, messages.aliasLimit(limits.maxAliases, (error as Error).message));
    return { source, diagnostics };
  }
  if (Object.hasOwn(data as object, '<<')) {
    const { line, column } = source.locate(['<<'], true);
    report('merge-key', 'error', line, column, messages.mergeKey());
  }
  return { source, data: data as Record<string, unknown>, diagnostics };
}

function yamlRule(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate-key';
    case 'MULTIPLE_DOCS':
      return 'multiple-documents';
    case 'TAB_AS_INDENT':
      return 'tab-indent';
    case 'TAG_RESOLVE_FAILED':
      return 'yaml-tag';
    default:
      return 'yaml-syntax';
  }
}

function positionOf(text: string, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A cheap pass before parsing: tab indentation (a clear message instead of a parser error),
 * too many lines, and nesting deeper than any contract needs (flow brackets or indentation).
 */
function scanStructure(text: string, limits: ParseLimits) {
  let line = 0;
  let depth = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line += 1;
    if (line > limits.maxLines)
      return { rule: 'file-too-large', line, column: 1, m: messages.tooManyLines(limits.maxLines) };
    let indent = 0;
    while (pos + indent < end && (text[pos + indent] === ' ' || text[pos + indent] === '\t')) {
      if (text[pos + indent] === '\t') {
        const rest = text.slice(pos + indent, end).trim();
        if (rest !== '' && !rest.startsWith('#'))
          return { rule: 'tab-indent', line, column: indent + 1, m: messages.tabIndent() };
        break;
      }
      indent += 1;
    }
    if (indent > limits.maxDepth * 4)
      return { rule: 'too-deep', line, column: 1, m: messages.tooDeep(limits.maxDepth) };
    for (let i = pos + indent; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x23 /* # */ && (i === pos || text[i - 1] === ' ')) break;
      if (c === 0x5b || c === 0x7b) {
        depth += 1;
        if (depth > limits.maxDepth)
          return { rule: 'too-deep', line, column: i - pos + 1, m: messages.tooDeep(limits.maxDepth) };
      } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth -= 1;
    }
    pos = end + 1;
  }
  return undefined;
}
