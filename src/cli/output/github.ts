/** Escapes text for a GitHub Actions workflow command (message part). */
export const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** Escapes a workflow command property value (file, title). */
export const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  column?: number;
  title?: string;
  message: string;
}

/** One `::error file=..,line=..,col=..::message` line. */
export function annotation(a: Annotation): string {
  const props = [
    a.file !== undefined ? `file=${escapeProperty(a.file)}` : '',
    a.line !== undefined ? `line=${a.line}` : '',
    a.column !== undefined ? `col=${a.column}` : '',
    a.title !== undefined ? `title=${escapeProperty(a.title)}` : '',
  ].filter(Boolean);
  return `::${a.level}${props.length ? ' ' + props.join(',') : ''}::${escapeData(a.message)}\n`;
}
