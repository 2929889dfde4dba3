import { keyword, positional, readParenArgs, type Arg } from '../lang/args.js';
import type { Source } from '../lang/source.js';

/** A Django field as the database sees it. */
export interface FieldSig {
  /** The field class, last dotted part (`CharField`, `ForeignKey`, `TransitionField`). */
  cls: string;
  /** A many-to-many field without `through`: its own join table, no column in the model's table. */
  joinTable: boolean;
  /** A many-to-many field with `through`: no column, no table of its own. */
  noColumn: boolean;
  /** Class and database-relevant options, normalised: equal signatures emit no SQL. */
  sig: string;
}

/**
 * Options that live only in Python (forms, admin, validation, query-time behaviour): changing
 * them makes `AlterField` emit no SQL. `default` is applied by Django, not by the database
 * (`db_default` is what the database holds); `on_delete` is emulated by Django.
 */
const NOT_DB = new Set([
  'choices',
  'help_text',
  'verbose_name',
  'blank',
  'default',
  'validators',
  'editable',
  'error_messages',
  'related_name',
  'related_query_name',
  'limit_choices_to',
  'on_delete',
  'upload_to',
  'storage',
  'auto_now',
  'auto_now_add',
  'serialize',
  'unique_for_date',
  'unique_for_month',
  'unique_for_year',
  'width_field',
  'height_field',
  'path',
  'match',
  'recursive',
  'allow_files',
  'allow_folders',
  'symmetrical',
  'swappable',
  'encoder',
  'decoder',
  'protocol',
  'unpack_ipv4',
  'form_class',
]);
/** Options at their default value say nothing: `null=False` equals leaving `null` out. */
const DEFAULTS: Record<string, string> = {
  null: 'False',
  unique: 'False',
  db_index: 'False',
  primary_key: 'False',
  db_constraint: 'True',
};
const RELATIONS =
  /^(ForeignKey|OneToOneField|ManyToManyField|ForeignObject|ParentalKey|ParentalManyToManyField|TreeForeignKey)$/;
/** Fields with no column of their own. */
const VIRTUAL = /^(GenericForeignKey|GenericRelation)$/;

/** Source text of an argument's value, whitespace and quote style normalised. */
function valueText(src: Source, a: Arg): string {
  return src.text
    .slice(a.value, a.end)
    .replace(/\s+/g, ' ')
    .replace(/'/g, '"')
    .replace(/,\s*([)\]}])/g, '$1')
    .replace(/([([{])\s+/g, '$1')
    .replace(/\s+([)\]}])/g, '$1')
    .trim();
}

/** A model reference (`"app.Model"`, `Model`, `"Model"`) as the lower-case model name. */
const modelRef = (text: string): string =>
  text
    .replace(/^["']|["']$/g, '')
    .split('.')
    .pop()!
    .toLowerCase();

/** Whether `name` (the callee's last part) names a Django field class. */
export const isFieldClass = (name: string): boolean =>
  (/Field$/.test(name) || RELATIONS.test(name)) && !VIRTUAL.test(name) && !/^(Form|Serializer)/.test(name);

/**
 * The field defined by the expression at `at` (`models.CharField(max_length=20, ...)`), or
 * undefined when the expression is not a field.
 */
export function fieldAt(src: Source, at: number): FieldSig | undefined {
  const head = /^\s*([A-Za-z_][\w.]*)\s*\(/.exec(src.masked.slice(at, at + 200));
  if (!head) return undefined;
  const cls = head[1]!.split('.').pop()!;
  if (!isFieldClass(cls)) return undefined;
  const call = readParenArgs(src, at + head[0].length - 1);
  const relation = RELATIONS.test(cls);
  const parts: string[] = [];
  for (const a of call.args) {
    if (a.key === undefined || NOT_DB.has(a.key)) continue;
    const v = valueText(src, a);
    if (DEFAULTS[a.key] === v) continue;
    parts.push(`${a.key}=${a.key === 'to' ? modelRef(v) : v}`);
  }
  const pos = positional(call);
  if (relation) {
    const to = pos[0];
    if (to) parts.push(`to=${modelRef(valueText(src, to))}`);
  } else {
    // Positional options after verbose_name (rare): kept as written, strings (labels) dropped.
    for (const [i, a] of pos.entries()) {
      const v = valueText(src, a);
      if (!/^(_\(|gettext|"|[a-z]*_lazy\()/.test(v)) parts.push(`#${i}=${v}`);
    }
  }
  parts.sort();
  const m2m = /ManyToMany/.test(cls);
  const through = keyword(call, 'through') !== undefined;
  return { cls, joinTable: m2m && !through, noColumn: m2m, sig: `${cls}(${parts.join(', ')})` };
}
