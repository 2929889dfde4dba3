import { CST, Lexer } from 'yaml';
import { messages, type Message } from '../messages.js';
import type { ParseLimits } from './limits.js';

export interface ScanProblem {
  rule: string;
  line: number;
  column: number;
  message: Message;
}

/**
 * One linear pass over a file before it is parsed: too many lines, tab indentation, nesting
 * deeper than `maxDepth` in any shape (indentation, compact `- - x`, `? ? x` or `a: b: c`, flow
 * brackets), too many keys, too many aliases.
 *
 * `yaml`'s parser and composer recurse once per nesting level, and a few thousand levels end
 * the process (a V8 fatal error that no `catch` sees). Its lexer does not recurse, so the scan
 * reads the lexer's tokens: quotes, comments and block scalars are read exactly as the parser
 * will read them. The depth counted is an upper bound of the parser's: every indentation step
 * and every indicator opens a level, every open bracket is one.
 */
export function prescan(text: string, limits: ParseLimits): ScanProblem | undefined {
  return scan(text, limits).problem;
}

/** The pre-scan, also handing back the lexer's tokens so that the parser does not lex again. */
export function scan(text: string, limits: ParseLimits): { problem?: ScanProblem; tokens: string[] } {
  const lines = countLines(text, limits.maxLines);
  if (lines !== undefined) {
    const message = messages.tooManyLines(limits.maxLines);
    return { problem: { rule: 'file-too-large', ...positionOf(text, lines), message }, tokens: [] };
  }
  const tokens: string[] = [];
  const found = scanTokens(text, limits, tokens);
  if (!found) return { tokens };
  return { problem: { rule: found.rule, ...positionOf(text, found.offset), message: found.message }, tokens };
}

/** The offset of the first line past `max`, if there is one. */
function countLines(text: string, max: number): number | undefined {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line += 1;
    if (line > max) return i + 1;
  }
  return undefined;
}

// Markers the lexer emits that are not part of the text.
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

function scanTokens(text: string, limits: ParseLimits, tokens: string[]) {
  const stack: number[] = []; // columns of the open block levels, increasing
  let flow = 0;
  let keys = 0;
  let aliases = 0;
  let offset = 0;
  let column = 0;
  let lineStart = true;
  let tabAt = -1;
  let scalarNext = false;
  const open = (col: number) => {
    const top = stack[stack.length - 1];
    if (top === undefined || col > top) stack.push(col);
  };
  const problem = (rule: string, at: number, message: Message) => ({ rule, offset: at, message });
  for (const token of new Lexer().lex(text)) {
    tokens.push(token);
    if (token === DOCUMENT) continue;
    if (token === FLOW_END) {
      flow = 0;
      continue;
    }
    if (token === SCALAR) {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    const at = offset;
    offset += token.length;
    if (type === 'newline') {
      lineStart = true;
      column = 0;
      tabAt = -1;
      continue;
    }
    if (type === 'space' || type === 'comment') {
      if (lineStart && type === 'space' && tabAt < 0 && token.includes('\t'))
        tabAt = at + token.indexOf('\t');
      column += token.length;
      continue;
    }
    if (type === 'doc-start' || type === 'doc-end') {
      stack.length = 0;
      flow = 0;
    } else if (lineStart && flow === 0) {
      if (tabAt >= 0) return problem('tab-indent', tabAt, messages.tabIndent());
      while (stack.length > 0 && stack[stack.length - 1]! > column) stack.pop();
      open(column);
    }
    lineStart = false;
    switch (type) {
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        keys += 1;
        if (flow === 0) open(column + 1);
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        flow += 1;
        keys += 1;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (flow > 0) flow -= 1;
        break;
      case 'comma':
        keys += 1;
        break;
      case 'alias':
        aliases += 1;
        break;
    }
    if (stack.length + flow > limits.maxDepth)
      return problem('too-deep', at, messages.tooDeep(limits.maxDepth));
    if (keys > limits.maxKeys) return problem('too-many-keys', at, messages.tooManyKeys(limits.maxKeys));
    if (aliases > limits.maxAliases)
      return problem('alias-limit', at, messages.tooManyAliases(limits.maxAliases));
    const nl = token.lastIndexOf('\n');
    column = nl < 0 ? column + token.length : token.length - nl - 1;
  }
  return undefined;
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
