import { isIgnoredPath } from '../lang/ignored-paths.js';
import type { Extractor } from '../types.js';
import { migrationChanges } from './efcore-migration.js';
import { SNAPSHOT_GLOB, modelChanges } from './efcore-model.js';

/** A migration: a class deriving from `Migration` whose methods receive a `MigrationBuilder`. */
const MIGRATION = /\bMigrationBuilder\b/;
/** Generated metadata: a migration's target model (`*.Designer.cs`) and the model snapshot. */
const METADATA = /\bBuildTargetModel\s*\(|:\s*ModelSnapshot\b|\bBuildModel\s*\(\s*ModelBuilder\b/;
/** Model code: a DbContext, an entity configuration, a mapped entity. */
const MODEL =
  /:\s*[\w.]*DbContext\b|\bIEntityTypeConfiguration\s*<|\bEntityTypeBuilder\s*<|\bDbSet\s*<|\bmodelBuilder\s*\.\s*Entity\s*<|\[\s*Table\s*\(|\.\s*ToTable\s*\(/;

/**
 * Entity Framework Core (C#): migrations (`MigrationBuilder` calls and `Sql(...)` in `Up`), and
 * DbContexts, entity configurations and mapped entities compared through the model snapshot.
 * Migration designers and snapshots are metadata: they change no table by themselves.
 */
export const efcoreExtractor: Extractor = {
  id: 'efcore',
  contextGlobs: [SNAPSHOT_GLOB],
  matches: (path, text) =>
    path.endsWith('.cs') &&
    !isIgnoredPath(path) &&
    (MIGRATION.test(text) || METADATA.test(text) || MODEL.test(text)),
  extract: (change, options) => {
    const text = change.after ?? change.before ?? '';
    if (/\.Designer\.cs$/.test(change.path) || METADATA.test(text)) return [];
    if (MIGRATION.test(text) || (change.before !== undefined && MIGRATION.test(change.before)))
      return migrationChanges(change, options.dialect);
    return modelChanges(change, options);
  },
};
