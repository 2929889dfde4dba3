import { isDeepStrictEqual } from 'node:util';
import { yaml } from '../util/yaml-lazy.js';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/**
 * YAML text of a document. Written as YAML 1.1 where it can be, which quotes every string
 * that a 1.1 reader (PyYAML, most ODCS tools) would take for something else (`2022-10-03`,
 * `yes`); dcr reads 1.2, and the text is checked to mean the same there, else written as 1.2
 * (a string like `0o17` is a plain string to 1.1 but a number to 1.2).
 */
export function yamlText(value: unknown): string {
  const y = yaml();
  const text = y.stringify(value, { ...OPTIONS, version: '1.1' });
  if (isDeepStrictEqual(y.parse(text, { version: '1.2' }), value)) return text;
  return y.stringify(value, { ...OPTIONS, version: '1.2' });
}
