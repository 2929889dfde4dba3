import type { Document, Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { messages, type Message } from '../messages.js';

/** Tags that only restate what a plain value is (`!!str 5`); every other tag is refused. */
const PLAIN_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;

export type NodeReport = (rule: string, offset: number, message: Message) => void;

/**
 * Checks a parsed document's nodes, which the pre-scan keeps shallow: tags other than the
 * plain ones, control characters in keys and values, keys written twice in one mapping
 * (one set per mapping: `yaml`'s own check compares every pair of keys), and aliases whose
 * value contains them or that nest deeper than `maxDepth`.
 */
export function checkNodes(doc: Document, maxDepth: number, report: NodeReport): void {
  const heights = new Map<Node, number>();
  const open = new Set<Node>();
  /** Levels below `node`, following aliases; undefined on a cycle (already reported). */
  const walk = (node: unknown, check: boolean): number | undefined => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 0;
      if (open.has(target)) {
        report('alias-cycle', node.range?.[0] ?? 0, messages.aliasCycle());
        return undefined;
      }
      const height = heights.get(target) ?? walk(target, false);
      return height;
    }
    if (!node || typeof node !== 'object') return 0;
    const n = node as Node;
    const known = heights.get(n);
    if (known !== undefined && !check) return known;
    if (check && n.tag && !PLAIN_TAGS.has(n.tag))
      report('yaml-tag', n.range?.[0] ?? 0, messages.yamlTag(shortTag(n.tag)));
    if (check && isScalar(n) && typeof n.value === 'string') {
      const bad = CONTROL.exec(n.value);
      if (bad)
        report('control-character', n.range?.[0] ?? 0, messages.controlCharacter(bad[0].charCodeAt(0)));
    }
    let height = 0;
    open.add(n);
    if (isMap(n)) {
      const seen = new Set<string>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (check && isScalar(key)) {
          const name = String(key.value);
          if (seen.has(name))
            report('duplicate-key', key.range?.[0] ?? 0, messages.yamlError('duplicate-key', ''));
          seen.add(name);
        }
        for (const child of [pair.key, pair.value]) {
          const h = walk(child, check);
          if (h === undefined) return fail(n);
          height = Math.max(height, h + 1);
        }
      }
    } else if (isSeq(n)) {
      for (const item of n.items) {
        const h = walk(item, check);
        if (h === undefined) return fail(n);
        height = Math.max(height, h + 1);
      }
    }
    open.delete(n);
    heights.set(n, height);
    return height;
  };
  const fail = (n: Node) => {
    open.delete(n);
    return undefined;
  };
  const height = walk(doc.contents, true);
  if (height !== undefined && height > maxDepth)
    report('too-deep', deepestAlias(doc) ?? 0, messages.tooDeep(maxDepth));
}

/** `!!binary` for the long form of the standard tags; custom tags as written. */
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');

/** Where the first alias is: the pre-scan let the text through, so an alias made it deep. */
function deepestAlias(doc: Document): number | undefined {
  let found: number | undefined;
  const visit = (node: unknown) => {
    if (found !== undefined) return;
    if (isAlias(node)) found = node.range?.[0];
    else if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        visit(p.key);
        visit(p.value);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return found;
}
