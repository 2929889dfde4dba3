/**
 * What a migration line says about a column, read from its evidence: the new type and which
 * way nullability goes. Heuristics over the common forms (SQL, Rails, Laravel, Django, ORMs);
 * an answer of undefined means "cannot tell", and the rules then assume the worse.
 */

/** The new type in `ALTER COLUMN c TYPE t`, `MODIFY c t`, `change_column :t, :c, :type`... */
export function newTypeOf(evidence: string, column: string | undefined): string | undefined {
  const text = evidence.replace(/\s+/g, ' ');
  const col = column ? escape(unquote(column)) : '[\\w"`\\[\\]]+';
  const patterns = [
    // PostgreSQL and standard SQL
    new RegExp(
      `ALTER (?:COLUMN )?["\`\\[]?${col}["\`\\]]? (?:SET DATA )?TYPE ([\\w ]+?(?:\\([\\d, ]+\\))?)(?: USING| COLLATE|;|,|$)`,
      'i',
    ),
    // MySQL MODIFY / CHANGE
    new RegExp(
      `MODIFY (?:COLUMN )?["\`]?${col}["\`]? ([\\w ]+?(?:\\([\\d, ]+\\))?)(?: NOT| NULL| DEFAULT|;|,|$)`,
      'i',
    ),
    new RegExp(
      `CHANGE (?:COLUMN )?["\`]?${col}["\`]? ["\`]?\\w+["\`]? ([\\w ]+?(?:\\([\\d, ]+\\))?)(?: NOT| NULL| DEFAULT|;|,|$)`,
      'i',
    ),
    // SQL Server: ALTER COLUMN c bigint
    new RegExp(`ALTER COLUMN \\[?${col}\\]? ([a-z]+(?:\\([\\d, ]+\\))?)(?: NOT| NULL|;|$)`, 'i'),
    // Rails change_column :table, :column, :type
    new RegExp(`change_column\\s*\\(?\\s*[:"']\\w+["']?\\s*,\\s*[:"']${col}["']?\\s*,\\s*[:"'](\\w+)`, 'i'),
  ];
  for (const p of patterns) {
    const match = p.exec(text);
    if (match?.[1]) return match[1].trim().toLowerCase();
  }
  return undefined;
}

/** Which way a nullability change goes: 'nullable', 'not-null', or undefined (cannot tell). */
export function nullabilityOf(evidence: string): 'nullable' | 'not-null' | undefined {
  const t = evidence.replace(/\s+/g, ' ');
  if (/\bDROP NOT NULL\b/i.test(t)) return 'nullable';
  if (/\bSET NOT NULL\b/i.test(t)) return 'not-null';
  if (/change_column_null\b[^)]*?,\s*true\b/.test(t)) return 'nullable';
  if (/change_column_null\b[^)]*?,\s*false\b/.test(t)) return 'not-null';
  if (/\b(?:null|nullable|allowNull|isNullable|IsNullable)\s*[:=]\s*(?:true|True)\b/.test(t))
    return 'nullable';
  if (/\b(?:null|nullable|allowNull|isNullable|IsNullable)\s*[:=]\s*(?:false|False)\b/.test(t))
    return 'not-null';
  if (/->nullable\(\s*(?:true)?\s*\)/.test(t)) return 'nullable';
  if (/->nullable\(\s*false\s*\)/.test(t)) return 'not-null';
  if (/\bNOT NULL\b/i.test(t)) return 'not-null';
  if (/\bNULL\b/i.test(t)) return 'nullable';
  return undefined;
}

/** Whether every value of type `from` fits in type `to` unchanged (a widening). */
export function widens(from: string, to: string): boolean {
  const a = typeFacts(from);
  const b = typeFacts(to);
  if (!a || !b) return false;
  if (a.family !== b.family) return a.family === 'int' && b.family === 'decimal' && b.size === Infinity;
  if (a.family === 'decimal') {
    // numeric(p, s): integer digits and scale must both not shrink.
    const [p1, s1] = [a.size, a.scale ?? 0];
    const [p2, s2] = [b.size, b.scale ?? 0];
    return p2 - s2 >= p1 - s1 && s2 >= s1 && !(p1 === p2 && s1 === s2);
  }
  return b.size > a.size;
}

interface TypeFacts {
  family: 'int' | 'float' | 'decimal' | 'text';
  size: number;
  scale?: number;
}

const INTS: Record<string, number> = {
  tinyint: 1,
  smallint: 2,
  int2: 2,
  mediumint: 3,
  int: 4,
  integer: 4,
  int4: 4,
  serial: 4,
  bigint: 8,
  int8: 8,
  bigserial: 8,
};

function typeFacts(type: string): TypeFacts | undefined {
  const t = type.trim().toLowerCase().replace(/\s+/g, ' ');
  const args = /\(([\d, ]+)\)$/
    .exec(t)?.[1]
    ?.split(',')
    .map((s) => Number(s.trim()));
  const base = t.replace(/\s*\(.*$/, '');
  if (INTS[base] !== undefined) return { family: 'int', size: INTS[base]! };
  if (base === 'real' || base === 'float4') return { family: 'float', size: 4 };
  if (base === 'double precision' || base === 'float8' || base === 'double')
    return { family: 'float', size: 8 };
  if (base === 'numeric' || base === 'decimal')
    return args
      ? { family: 'decimal', size: args[0]!, scale: args[1] ?? 0 }
      : { family: 'decimal', size: Infinity };
  if (base === 'text' || base === 'longtext' || base === 'clob') return { family: 'text', size: Infinity };
  if (/^(?:character varying|varchar|nvarchar|varchar2|char|character|nchar|bpchar)$/.test(base))
    return { family: 'text', size: args?.[0] ?? (base.includes('var') ? Infinity : 1) };
  // Rails and ORM spellings
  if (base === 'string') return { family: 'text', size: 255 };
  if (base === 'integer') return { family: 'int', size: 4 };
  return undefined;
}

const unquote = (name: string) => name.replace(/^["`[]|["`\]]$/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
