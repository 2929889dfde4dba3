import { SourceFile, type Position } from '../parse/source-file.js';
import type { Path } from './values.js';

/**
 * An ODCS file seen as a dcr contract: a dcr path (`['source_owner', 0]`) is located where
 * the mapping read it from (`team.members[2].username`), so every diagnostic, rule findings
 * included, points into the ODCS file.
 */
export class OdcsSource extends SourceFile {
  constructor(
    base: SourceFile,
    private readonly origin: (path: Path) => Path,
  ) {
    super(base.file, base.text, base.lineCounter, base.doc);
  }

  override locate(path: readonly (string | number)[], key = false): Position {
    const from = this.origin([...path]);
    // A dcr key that has no ODCS counterpart of its own is blamed on where its value came from.
    return super.locate(from, key && from.length === path.length);
  }
}
