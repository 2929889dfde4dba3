import type { RepoContext } from '../types.js';

/** Repository files Django resolves names with: app configs, models, settings. */
export const DJANGO_CONTEXT = [
  '**/apps.py',
  '**/models.py',
  '**/models/*.py',
  '**/settings.py',
  '**/settings/*.py',
  '**/settings_*.py',
];

const dirname = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The app folder of a migration (`<app>/<migrations folder>/0001_x.py`) or models file. */
export function appDir(path: string, migration: boolean): string {
  const dir = dirname(path);
  if (migration || /(^|\/)models$/.test(dir)) return dirname(dir);
  return dir;
}

/** `label = "x"` of the app's AppConfig, at either side. */
function configuredLabel(dir: string, repo: RepoContext | undefined): string | undefined {
  const file = `${dir ? `${dir}/` : ''}apps.py`;
  const text = repo?.read(file, 'after') ?? repo?.read(file, 'before');
  return text ? /^[ \t]+label\s*=\s*["'](\w+)["']/m.exec(text)?.[1] : undefined;
}

/** `MIGRATION_MODULES = {"label": "pkg.module"}` in the settings: the label whose module is `folder`. */
function migrationModuleLabel(folder: string, repo: RepoContext | undefined): string | undefined {
  if (!repo) return undefined;
  const files = DJANGO_CONTEXT.filter((g) => g.includes('settings')).flatMap((g) => repo.list(g, 'after'));
  for (const f of files) {
    const text = repo.read(f, 'after');
    const block = text ? /MIGRATION_MODULES\s*=\s*\{([^}]*)\}/.exec(text)?.[1] : undefined;
    if (!block) continue;
    for (const m of block.matchAll(/["'](\w+)["']\s*:\s*["']([\w.]+)["']/g)) {
      const module = m[2]!.replace(/\./g, '/');
      if (folder === module || folder.endsWith(`/${module}`)) return m[1];
    }
  }
  return undefined;
}

/**
 * The app label of a migration, from the app's config, the migration itself (its dependency on
 * the previous migration of the same app), the settings' MIGRATION_MODULES, or the folder.
 */
export function migrationAppLabel(path: string, text: string, repo: RepoContext | undefined): string {
  const dir = appDir(path, true);
  const configured = configuredLabel(dir, repo);
  if (configured) return configured;
  const number = /^(\d{4})_/.exec(basename(path))?.[1];
  if (number) {
    const previous = String(Number(number) - 1).padStart(4, '0');
    const dep = new RegExp(`\\(\\s*["'](\\w+)["']\\s*,\\s*["']${previous}_`).exec(text);
    if (dep) return dep[1]!;
  }
  return migrationModuleLabel(dirname(path), repo) ?? (basename(dir) || 'app');
}

/** The app label of a models file: the app's config, else the folder. */
export function modelsAppLabel(path: string, repo: RepoContext | undefined): string {
  const dir = appDir(path, false);
  return configuredLabel(dir, repo) ?? (basename(dir) || 'app');
}

/** The models files of an app at one side (`models.py` and `models/*.py`). */
export function appModelFiles(
  dir: string,
  repo: RepoContext | undefined,
  side: 'before' | 'after',
): string[] {
  if (!repo) return [];
  const prefix = dir ? `${dir}/` : '';
  return [...repo.list('**/models.py', side), ...repo.list('**/models/*.py', side)].filter(
    (p) =>
      p === `${prefix}models.py` ||
      (p.startsWith(`${prefix}models/`) && !p.slice(prefix.length + 7).includes('/')),
  );
}
