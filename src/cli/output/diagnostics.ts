import type { ContractInput } from '../../parse/input.js';
import { countBySeverity, type Diagnostic } from '../../validate/diagnostic.js';
import type { Colors } from './color.js';
import { annotation } from './github.js';

/** Source lines for code frames, looked up by file name. */
export type LineSource = (file: string, line: number) => string | undefined;

/** Compiler-style text: location, severity, rule, message, a short code frame and the hint. */
export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  lines: LineSource,
  c: Colors,
): string {
  let out = '';
  for (const d of diagnostics) {
    const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    out += `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${c.dim(d.rule)}  ${d.message}\n`;
    out += codeFrame(d, lines, c);
    if (d.hint) out += `    ${c.cyan('hint:')} ${d.hint}\n`;
  }
  return out;
}

function codeFrame(d: Diagnostic, lines: LineSource, c: Colors): string {
  const text = lines(d.file, d.line);
  if (text === undefined) return '';
  const width = String(d.line).length;
  const previous = d.line > 1 ? lines(d.file, d.line - 1) : undefined;
  let out = '';
  if (previous !== undefined)
    out += c.dim(`      ${String(d.line - 1).padStart(width)} | ${clip(previous)}`) + '\n';
  out += `    ${c.red('>')} ${String(d.line).padStart(width)} | ${clip(text)}\n`;
  const caret = ' '.repeat(Math.max(0, Math.min(d.column - 1, 120)));
  out += `      ${' '.repeat(width)} | ${caret}${c.red('^')}\n`;
  return out;
}

const clip = (line: string) => (line.length > 160 ? line.slice(0, 157) + '...' : line).replace(/\t/g, '→');

/** Source lines of the files read, for code frames (a BOM and line ends left out). */
export function inputLines(inputs: readonly ContractInput[]): LineSource {
  const texts = new Map(inputs.map((i) => [i.file, i]));
  const cache = new Map<string, string[]>();
  return (file, line) => {
    if (!cache.has(file)) {
      const input = texts.get(file);
      cache.set(
        file,
        input && !input.skipped
          ? new TextDecoder()
              .decode(input.bytes)
              .replace(/^\uFEFF/, '')
              .split(/\r?\n/)
          : [],
      );
    }
    return cache.get(file)![line - 1];
  };
}

/** The closing line: how many contracts, errors and warnings. */
export function summaryLine(files: number, diagnostics: readonly Diagnostic[], c: Colors): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = plural(files, 'contract file');
  if (errors > 0)
    return c.red(`✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${what}`) + '\n';
  if (warnings > 0) return c.yellow(`✔ ${what} valid, with ${plural(warnings, 'warning')}`) + '\n';
  return c.green(`✔ ${what} valid`) + '\n';
}

/** Workflow annotations, one per diagnostic. */
export const formatDiagnosticsGithub = (diagnostics: readonly Diagnostic[]): string =>
  diagnostics
    .map((d) =>
      annotation({
        level: d.severity === 'error' ? 'error' : 'warning',
        file: d.file,
        line: d.line,
        column: d.column,
        title: `dcr ${d.rule}`,
        message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      }),
    )
    .join('');
