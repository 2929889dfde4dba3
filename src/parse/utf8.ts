import { isUtf8 } from 'node:buffer';

/**
 * Byte offset of the first sequence that is not UTF-8, or -1 when all of it is. U+FFFD written
 * in the file is valid text; only bytes that do not decode count.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

const cont = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;

/** Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), 0 if there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const [b1, b2, b3] = [bytes[i + 1], bytes[i + 2], bytes[i + 3]];
  if (b >= 0xc2 && b <= 0xdf) return cont(b1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && cont(b2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && cont(b2) && cont(b3) ? 4 : 0;
  }
  return 0;
}
