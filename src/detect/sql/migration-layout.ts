/** What a SQL file's path and markers say about how a migration tool runs it. */
export interface MigrationLayout {
  /** Never runs forward: golang-migrate `*.down.sql`, Sqitch `revert/` and `verify/`, `down.sql`. */
  ignored: boolean;
  /** Flyway `R__x.sql`: runs again whenever its text changes. */
  repeatable: boolean;
  /** A versioned migration (Flyway `V1__`, numbered/timestamped `*.up.sql`, Sqitch `deploy/`). */
  versioned: boolean;
  /** Sqitch `deploy/x@tag.sql`: the copy of a script's previous version that `sqitch rework` keeps. */
  reworkCopy: boolean;
}

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Reads a SQL file's role from its path (Flyway, golang-migrate, Sqitch, dbmate, goose). */
export function migrationLayout(path: string): MigrationLayout {
  const p = path.replace(/\\/g, '/');
  const name = base(p).toLowerCase();
  const dirs = p.toLowerCase().split('/').slice(0, -1);
  const ignored =
    name.endsWith('.down.sql') ||
    name === 'down.sql' ||
    /^u\d+(?:[._]\d+)*__/.test(name) || // Flyway undo migrations
    dirs.includes('revert') ||
    dirs.includes('verify');
  return {
    ignored,
    repeatable: /^r__/i.test(base(p)),
    versioned:
      /^v\d+(?:[._]\d+)*__/i.test(base(p)) || /^\d+[_-].*\.sql$/.test(name) || dirs.includes('deploy'),
    reworkCopy: dirs.includes('deploy') && /.@[^@/]+\.sql$/.test(name),
  };
}

/**
 * Lines that belong to a down section of a single-file migration (dbmate `-- migrate:down`,
 * goose `-- +goose Down`): everything from such a marker to the next up marker.
 */
export function downSectionLines(text: string): Set<number> {
  const down = new Set<number>();
  let inDown = false;
  text.split('\n').forEach((line, k) => {
    const l = line.trim().toLowerCase();
    if (/^--\s*(?:migrate:down|\+goose\s+down)\b/.test(l)) inDown = true;
    else if (/^--\s*(?:migrate:up|\+goose\s+up)\b/.test(l)) inDown = false;
    if (inDown) down.add(k + 1);
  });
  return down;
}
