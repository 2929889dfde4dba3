import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { configFile, exampleContract, huskyHooks, WORKFLOWS, workflowTemplate } from './templates.js';

export interface InitOptions {
  /** The repository's top folder. */
  root: string;
  /** Contracts folder, relative to root (default `contracts`). */
  contracts?: string;
  /** Plan only: write nothing. */
  dryRun?: boolean;
  /** Where workflow templates come from (default: the dcr package); tests pass their own. */
  workflow?: (name: string) => string | undefined;
}

export type SkipReason = 'exists' | 'has-contracts' | 'config-in-package-json' | 'not-shipped';

export interface InitResult {
  created: string[];
  skipped: { path: string; reason: SkipReason }[];
}

/**
 * Sets a repository up: an example contract, the config file, husky hooks and the three
 * workflows. Never overwrites: every file is created exclusively (`wx`), so even a file that
 * appears meanwhile is kept. Returns what was created and what was left alone, and why.
 */
export function initRepository(options: InitOptions): InitResult {
  const root = resolve(options.root);
  const contracts = (options.contracts ?? 'contracts').replace(/\\/g, '/').replace(/\/+$/, '');
  const workflow = options.workflow ?? workflowTemplate;
  const result: InitResult = { created: [], skipped: [] };
  const plan: { path: string; content: string; mode?: number; skip?: SkipReason }[] = [];

  const example = posix.join(contracts, 'orders_postgres.yaml');
  const schema = posix.relative(posix.dirname(example), 'node_modules/data-contract-registry/schema/contract.schema.json');
  plan.push({
    path: example,
    content: exampleContract(schema),
    ...(hasContracts(join(root, contracts)) ? { skip: 'has-contracts' as const } : {}),
  });

  const configured = ['dcr.config.yaml', 'dcr.config.yml'].find((f) => existsSync(join(root, f)));
  plan.push({
    path: configured ?? 'dcr.config.yaml',
    content: configFile(contracts),
    ...(packageJsonHasDcr(root) ? { skip: 'config-in-package-json' as const } : {}),
  });
  for (const [name, content] of Object.entries(huskyHooks))
    plan.push({ path: `.husky/${name}`, content, mode: 0o755 });
  for (const name of WORKFLOWS) {
    const text = workflow(name);
    plan.push({
      path: `.github/workflows/${name}`,
      content: text ?? '',
      ...(text === undefined ? { skip: 'not-shipped' as const } : {}),
    });
  }

  for (const item of plan) {
    const full = join(root, item.path);
    if (item.skip) result.skipped.push({ path: item.path, reason: item.skip });
    else if (existsSync(full)) result.skipped.push({ path: item.path, reason: 'exists' });
    else if (options.dryRun) result.created.push(item.path);
    else {
      mkdirSync(dirname(full), { recursive: true });
      try {
        writeFileSync(full, item.content, { flag: 'wx', ...(item.mode ? { mode: item.mode } : {}) });
        result.created.push(item.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        result.skipped.push({ path: item.path, reason: 'exists' });
      }
    }
  }
  return result;
}

function hasContracts(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true }).some((f) => /\.ya?ml$/.test(String(f)));
  } catch {
    return false;
  }
}

function packageJsonHasDcr(root: string): boolean {
  try {
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
    return !!json && typeof json === 'object' && Object.hasOwn(json, 'dcr');
  } catch {
    return false;
  }
}

/** Paths for display: relative to `from`, with forward slashes. */
export const shown = (root: string, from: string, path: string) =>
  relative(from, join(root, path)).replace(/\\/g, '/') || path;
