/** HTML that is already safe to insert (built by `html` or `raw`). */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

const SPECIAL = /[&<>"'`]/;

/** Escapes text for element content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  // Most contract strings hold nothing to escape: one test instead of a replace per string.
  SPECIAL.test(text) ? text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]!) : text;

/** Marks trusted markup (templates, never contract data) as safe. */
export const raw = (text: string): SafeHtml => new SafeHtml(text);

type Part = SafeHtml | string | number | undefined | null | false | readonly Part[];

const render = (value: Part): string => {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/**
 * The literal parts of a template without their indentation (templates are indented for
 * people; pages need not be: a third smaller at scale). Once per call site: a template's
 * strings array is the same object on every call. Contract text is never touched.
 */
const dedented = new WeakMap<TemplateStringsArray, readonly string[]>();
const dedent = (strings: TemplateStringsArray): readonly string[] => {
  let parts = dedented.get(strings);
  if (parts === undefined) {
    parts = strings.map((s) => s.replace(/\n\s+/g, '\n'));
    dedented.set(strings, parts);
  }
  return parts;
};

/** Tagged template: every interpolated value is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  const parts = dedent(strings);
  let out = parts[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + parts[i + 1]!;
  return new SafeHtml(out);
}

/**
 * An href that cannot run script: http(s) URLs pass, host/path forms such as
 * `github.com/org/repo` get `https://`, anything else (javascript:, data:) is refused.
 */
export function safeHttpUrl(text: string): string | undefined {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      /^[a-z0-9.-]+$/i.test(url.hostname) &&
      url.hostname.includes('.')
    )
      return url.href;
  } catch {
    // not a URL
  }
  return undefined;
}
