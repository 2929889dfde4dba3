import { preparePgParser } from '../sql/pg-parser.js';
import { changesOnBothSides } from '../sql/sides.js';
import type { Extractor } from '../types.js';
import { liquibaseXmlChanges } from './liquibase-xml.js';
import { liquibaseYamlChanges } from './liquibase-yaml.js';

/**
 * Liquibase XML, YAML and JSON changelogs: change types that name a table (createTable,
 * addColumn, renameTable, modifyDataType, insert...) and the SQL in `<sql>` changes. Rollback
 * blocks and preconditions never count. Formatted SQL changelogs go to the SQL extractor.
 */
export const liquibaseExtractor: Extractor = {
  id: 'liquibase',
  matches: (path, text) =>
    /\.(?:xml|ya?ml|json)$/i.test(path) && /databaseChangeLog/.test(text.slice(0, 4000)),
  prepare: preparePgParser,
  extract(change, options) {
    const xml = /\.xml$/i.test(change.path);
    return changesOnBothSides(change, (text) => {
      try {
        return xml ? liquibaseXmlChanges(text, options.dialect) : liquibaseYamlChanges(text, options.dialect);
      } catch {
        return []; // A changelog that does not parse changes nothing we can name.
      }
    });
  },
};
