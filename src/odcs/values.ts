/** Plain JSON-like values as read from YAML, and small helpers to copy them safely. */
export type Obj = Record<string, unknown>;
export type Path = (string | number)[];

export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets a key as an own property, so that a key like `__proto__` stays data. */
export function setKey(target: Obj, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A shallow copy without the given keys, in the original order. */
export function without(source: Obj, drop: readonly string[] = []): Obj {
  const out: Obj = {};
  for (const key of Object.keys(source)) if (!drop.includes(key)) setKey(out, key, source[key]);
  return out;
}

export const isEmpty = (value: Obj) => Object.keys(value).length === 0;

/** A custom property as dcr writes it: a name and a value, nothing else. */
export interface Custom {
  property: string;
  value: unknown;
}

/**
 * Splits an ODCS `customProperties` list: the plain `{property, value}` entries that `take`
 * accepts (first one of each name) come out by name with their index; every other entry stays
 * in `rest`, verbatim and in order.
 */
export function takeCustom(
  list: unknown,
  take: (name: string, value: unknown) => boolean,
): { taken: Map<string, { value: unknown; index: number }>; rest: unknown[] } {
  const taken = new Map<string, { value: unknown; index: number }>();
  const rest: unknown[] = [];
  if (!Array.isArray(list)) return { taken, rest };
  list.forEach((entry, index) => {
    const plain =
      isObj(entry) &&
      typeof entry.property === 'string' &&
      Object.keys(entry).every((k) => k === 'property' || k === 'value');
    if (plain && !taken.has(entry.property as string) && take(entry.property as string, entry.value))
      taken.set(entry.property as string, { value: entry.value, index });
    else rest.push(entry);
  });
  return { taken, rest };
}

/** `customProperties` written back: dcr's entries first, then the ones carried verbatim. */
export function customList(own: readonly Custom[], carried: unknown): unknown[] {
  return [...own, ...(Array.isArray(carried) ? carried : [])];
}
