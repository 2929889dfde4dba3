import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../util/yaml-lazy.js';

export interface Position {
  line: number;
  column: number;
}

/** A parsed contract file that can say where any value or key came from. */
export class SourceFile {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly lineCounter: LineCounter,
    readonly doc?: Document,
  ) {}

  /** 1-based line and column of a character offset. */
  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /**
   * Where the value at `path` starts (or its key, with `key`). For a path that does not exist,
   * falls back to the nearest existing ancestor: the mapping that lacks a key is blamed.
   */
  locate(path: readonly (string | number)[], key = false): Position {
    const { isMap, isPair, isScalar, isSeq } = yaml();
    let node: unknown = this.doc?.contents;
    let best: Position = node && isNode(node) && node.range ? this.at(node.range[0]) : { line: 1, column: 1 };
    for (let i = 0; i < path.length; i++) {
      const step = path[i];
      let next: unknown;
      let keyNode: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step),
        );
        next = pair?.value;
        keyNode = pair?.key;
      } else if (isSeq(node) && typeof step === 'number') {
        next = node.items[step];
      } else {
        break;
      }
      const last = i === path.length - 1;
      const target = last && key && keyNode ? keyNode : next;
      if (target && isNode(target) && target.range) best = this.at(target.range[0]);
      else if (keyNode && isNode(keyNode) && keyNode.range) best = this.at(keyNode.range[0]);
      else break;
      node = next;
    }
    return best;
  }

  /** The source line (1-based), without its line break. */
  lineText(line: number): string {
    const start = this.lineCounter.lineStarts[line - 1];
    if (start === undefined) return '';
    const end = this.lineCounter.lineStarts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && 'range' in value;
