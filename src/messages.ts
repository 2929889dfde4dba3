/**
 * Every user-facing sentence and recovery hint lives here, apart from the logic that decides
 * when to say it. Functions return `{ message, hint }` so output adapters can lay them out.
 */

export interface Message {
  message: string;
  hint?: string;
}

const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

export const messages = {
  fileTooLarge: (size: number, max: number): Message => ({
    message: `file is ${kib(size)}, over the ${kib(max)} limit for a contract`,
    hint: 'a contract describes one job; split it, or raise `maxFileBytes` in dcr.config.yaml',
  }),
  tooManyLines: (max: number): Message => ({
    message: `file has more than ${max} lines`,
    hint: 'a contract describes one job; split it into one file per job',
  }),
  tooDeep: (max: number): Message => ({
    message: `nesting deeper than ${max} levels`,
    hint: 'contract fields are flat; remove the nested structure',
  }),
  tooManyKeys: (max: number): Message => ({
    message: `more than ${max} keys and list items in one file`,
    hint: 'a contract describes one job; split it into one file per job',
  }),
  tooManyAliases: (max: number): Message => ({
    message: `more than ${max} YAML aliases (\`*name\`)`,
    hint: 'write the values out instead of using anchors and aliases',
  }),
  aliasCycle: (): Message => ({
    message: 'YAML alias refers to a value that contains it (a cycle)',
    hint: 'write the value out instead of using an anchor and alias',
  }),
  yamlTag: (tag: string): Message => ({
    message: `YAML tag ${tag} is not allowed`,
    hint: 'contracts are plain data: strings, numbers, booleans, lists and mappings; remove the tag',
  }),
  controlCharacter: (code: number): Message => ({
    message: `value contains the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
    hint: 'remove it; write line breaks as real line breaks or in a block scalar (`|`)',
  }),
  parseFailed: (detail: string): Message => ({
    message: `this file could not be read as a contract (${detail.split('\n')[0]}); it was left out`,
    hint: 'simplify the file; if it looks fine, report it with the file attached (run with --debug for details)',
  }),
  bom: (): Message => ({
    message: 'file starts with a byte order mark (BOM)',
    hint: 'save the file as UTF-8 without BOM',
  }),
  notUtf8: (): Message => ({
    message: 'file is not valid UTF-8',
    hint: 're-save the file as UTF-8 (the first invalid byte is here)',
  }),
  tabIndent: (): Message => ({
    message: 'tab used for indentation',
    hint: 'YAML allows only spaces for indentation; replace the tab with spaces',
  }),
  yamlError: (rule: string, text: string): Message => {
    const first = text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    switch (rule) {
      case 'duplicate-key':
        return {
          message: 'key appears twice in the same mapping',
          hint: 'keep one of them; YAML maps need unique keys',
        };
      case 'multiple-documents':
        return {
          message: 'file holds several YAML documents (`---`)',
          hint: 'put one contract in each file',
        };
      case 'yaml-tag':
        return {
          message: `custom YAML tag is not allowed: ${first}`,
          hint: 'contracts are plain data; remove the `!tag`',
        };
      case 'tab-indent':
        return messages.tabIndent();
      default:
        return {
          message: `YAML syntax error: ${first}`,
          hint: 'fix the YAML syntax here; quote values that contain `: ` or start with a symbol',
        };
    }
  },
  emptyFile: (): Message => ({
    message: 'file is empty',
    hint: 'write a contract (see `dcr init` for an example) or delete the file',
  }),
  notAMapping: (): Message => ({
    message: 'the top level must be a mapping of `key: value` pairs',
    hint: 'start the file with `ingestion_jobid: <your job id>`',
  }),
  aliasLimit: (max: number, detail: string): Message => ({
    message: `too many YAML aliases (limit ${max}): ${detail.split('\n')[0]}`,
    hint: 'write the values out instead of using anchors and aliases',
  }),
  mergeKey: (): Message => ({
    message: 'YAML merge keys (`<<`) are not supported',
    hint: 'write the keys out in full, so every contract reads on its own',
  }),
  requiredField: (fields: string[], describe: (field: string) => string | undefined): Message => ({
    message:
      fields.length === 1
        ? `missing required field "${fields[0]}"`
        : `missing required fields ${fields.map((f) => `"${f}"`).join(', ')}`,
    hint: fields
      .map((f) => {
        const d = describe(f);
        return d ? `add \`${f}:\` (${lowerFirst(d)})` : `add \`${f}:\``;
      })
      .join('; '),
  }),
  unknownField: (field: string, suggestion?: string): Message => ({
    message: `unknown field "${field}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    hint: suggestion
      ? `rename it to \`${suggestion}\`, or prefix it with \`x-\` to keep custom data`
      : 'remove it, or prefix it with `x-` to keep custom data',
  }),
  wrongType: (field: string, expected: string, actual: string): Message => ({
    message: `${field} must be ${expected}, not ${actual}`,
  }),
  notInEnum: (field: string, allowed: readonly unknown[], actual: unknown, suggestion?: string): Message => ({
    message: `${field} must be one of ${allowed.join(', ')}; got ${JSON.stringify(actual)}${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
  }),
  badJobId: (field: string): Message => ({
    message: `${field} may hold only letters, digits, "_", "-" and ".", and must start with a letter or digit`,
    hint: 'use a slug such as `orders_postgres`',
  }),
  badDate: (field: string): Message => ({
    message: `${field} must be a date written YYYY-MM-DD`,
    hint: 'for example `reviewed_at: 2026-01-31`',
  }),
  tooLong: (field: string, limit: number, unit: string): Message => ({
    message: `${field} is too long (at most ${limit} ${unit})`,
  }),
  tooShort: (field: string): Message => ({ message: `${field} must not be empty` }),
  owners: (field: string): Message => ({
    message: `${field} must be an email or a list of emails`,
    hint: `for example \`${field}: team@example.com\` or \`${field}: [a@example.com, b@example.com]\``,
  }),
  tableForm: (field: string, actual: string): Message => ({
    message: `${field} must be a table name or a mapping with its name and columns, not ${actual}`,
    hint: 'for example `- public.orders` or `- { name: public.orders, columns: [id, updated_at] }`',
  }),
  columnForm: (field: string, actual: string): Message => ({
    message: `${field} must be a column name or a mapping with its name, type and nullability, not ${actual}`,
    hint: 'for example `- id` or `- { name: updated_at, type: timestamptz, nullable: false }`',
  }),
  frequencyType: (field: string): Message => ({
    message: `${field} must be a number of minutes`,
    hint: `for example \`${field}: 60\``,
  }),
  tooManyFields: (max: number): Message => ({ message: `too many fields (at most ${max})` }),
  schemaOther: (field: string, text: string): Message => ({ message: `${field} ${text}` }),
} as const;

function lowerFirst(text: string): string {
  const first = text.split('. ')[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
