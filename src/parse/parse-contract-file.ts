import { Composer, isMap, LineCounter, Parser, YAMLParseError, type Document, type YAMLError } from 'yaml';
import { messages } from '../messages.js';
import { checkNodes } from './check-nodes.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
import { positionOf, scan } from './prescan.js';
import { SourceFile } from './source-file.js';
import { firstInvalidUtf8 } from './utf8.js';

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
  const body = bytes.subarray(start);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const prefix = utf8.decode(body.subarray(0, bad));
    const { line, column } = positionOf(prefix, prefix.length);
    return fail('encoding', line, column, messages.notUtf8());
  }
  const text = utf8.decode(body);

  const { problem, tokens } = scan(text, limits);
  if (problem) return fail(problem.rule, problem.line, problem.column, problem.message);

  const read = (): ParsedFile => {
    const doc = composeDocument(text, tokens, lineCounter);
    const source = new SourceFile(file, text, lineCounter, doc);
    const fromError = (e: YAMLError, severity: Severity) => {
      const { line, column } = source.at(e.pos[0]);
      const rule = yamlRule(e.code);
      report(rule, severity, line, column, messages.yamlError(rule, e.message));
    };
    for (const e of doc.errors) fromError(e, 'error');
    // Unresolved tags are reported by checkNodes, with the tag's name.
    for (const w of doc.warnings) if (w.code !== 'TAG_RESOLVE_FAILED') fromError(w, 'warning');
    if (diagnostics.some((d) => d.severity === 'error')) return { source, diagnostics };
    checkNodes(doc, limits.maxDepth, (rule, offset, m) => {
      const { line, column } = source.at(offset);
      report(rule, 'error', line, column, m);
    });
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
  };
  try {
    return read();
  } catch (error) {
    // Nothing above should throw; if the parser still does, this file alone is left out.
    report('parse-failed', 'error', 1, 1, messages.parseFailed((error as Error).message ?? String(error)));
    return { source: new SourceFile(file, text, lineCounter), diagnostics };
  }
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

const OPTIONS = {
  version: '1.2', // no yes/no booleans, no sexagesimal numbers
  schema: 'core',
  merge: false, // `<<` stays a plain key and is reported below
  uniqueKeys: false, // checked in checkNodes, in linear time
  resolveKnownTags: false, // !!binary, !!set, !!omap, !!timestamp stay unresolved: refused
  strict: true,
} as const;

/** `yaml`'s parseDocument, fed with the tokens the pre-scan already lexed. */
function composeDocument(text: string, tokens: readonly string[], lineCounter: LineCounter): Document {
  const parser = new Parser(lineCounter.addNewLine);
  function* cst() {
    lineCounter.addNewLine(0);
    for (const token of tokens) yield* parser.next(token);
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const next of new Composer(OPTIONS).compose(cst(), true, text.length)) {
    if (!doc) doc = next;
    else {
      const m = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', m));
      break;
    }
  }
  return doc!;
}
