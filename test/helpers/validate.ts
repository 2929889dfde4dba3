import { validateContracts, type ValidateOptions } from '../../src/validate/validate.js';

/** Validates in-memory files: `{ 'a.yaml': 'text' }`. */
export function validateTexts(files: Record<string, string>, options: ValidateOptions = {}) {
  const inputs = Object.entries(files).map(([file, text]) => ({
    file,
    bytes: new TextEncoder().encode(text),
  }));
  return validateContracts(inputs, options);
}

/** A valid contract for `id`, with overrides appended as raw YAML lines. */
export function contractYaml(id: string, extra = '', omit: string[] = []): string {
  const base: Record<string, string> = {
    ingestion_jobid: id,
    source_host: 'db.example.com',
    source_db: 'shop',
    ingestion_type: 'full',
    ingestion_frequency_minutes: '60',
    source_owner: 'src@example.com',
    ingestion_owner: 'ing@example.com',
  };
  const overridden = new Set(extra.split('\n').map((l) => l.split(':')[0]!.trim()));
  const lines = Object.entries(base)
    .filter(([k]) => !omit.includes(k) && !overridden.has(k))
    .map(([k, v]) => `${k}: ${v}`);
  return [...lines, extra].filter(Boolean).join('\n') + '\n';
}

/** `[rule, line]` pairs of the diagnostics of one rule (or all). */
export const pairs = (diagnostics: { rule: string; line: number }[], rule?: string) =>
  diagnostics.filter((d) => rule === undefined || d.rule === rule).map((d) => [d.rule, d.line]);
