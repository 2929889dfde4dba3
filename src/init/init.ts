import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { locationOf } from '../registry/location.js';
import {
  GIT_HOOKS_DIR,
  HOOKS,
  hookBlock,
  hookFile,
  runsDcrHook,
  type HookFacts,
  type HookName,
} from './hooks.js';
import { configFile, exampleContract, PACKAGE_NAME, WORKFLOWS, workflowTemplate } from './templates.js';

export interface InitOptions {
  /** The repository's top folder. */
  root: string;
  /** Contracts folder relative to root (default `contracts`), or a git / registry.json URL. */
  contracts?: string;
  /** Plan only: write nothing. */
  dryRun?: boolean;
  /** How to turn the hooks on: husky when the repository uses it, else `core.hooksPath` (auto). */
  hooks?: 'auto' | 'husky' | 'git' | 'none';
  /** `owner/repo@ref` of the dcr action for the check workflow. */
  action?: string;
  /** What the repository already does with hooks (gathered by the caller, which runs git). */
  hookFacts?: HookFacts;
  /** Where workflow templates come from (default: the dcr package); tests pass their own. */
  workflow?: (name: string, actionRef?: string) => string | undefined;
}

export type SkipReason =
  | 'exists'
  | 'has-contracts'
  | 'config-in-package-json'
  | 'not-shipped'
  | 'prepare-exists'
  | 'hooks-path-in-use'
  | 'git-hooks-in-use'
  | 'no-package-json';

/** Something `dcr init` does besides creating a file: append, set a script or git setting, run husky. */
export interface Update {
  target: string;
  change: string;
}

export interface InitResult {
  /** `contracts`: this repository holds the contracts; `source`: it is guarded by contracts elsewhere. */
  mode: 'contracts' | 'source';
  /** How the hooks are turned on. */
  hooks: 'husky' | 'git' | 'none' | 'not-wired';
  created: string[];
  updated: Update[];
  skipped: { path: string; reason: SkipReason }[];
  /** Steps left to the user, in order. */
  next: string[];
}

type Step =
  | { kind: 'file'; path: string; content: string; mode?: number; skip?: SkipReason }
  | { kind: 'append'; path: string; text: string; change: string }
  | { kind: 'script'; name: string; value: string; change: string }
  | { kind: 'git-config'; key: string; value: string }
  | { kind: 'run-husky' };

/** What dcr writes and nobody should commit: reminder state and outbox, the built catalog. */
const IGNORED = { contracts: ['.dcr/', '_site/'], source: ['.dcr/'] };

/**
 * Plans how to set a repository up: contracts (an example contract, config, hooks, .gitignore,
 * three workflows) or, when `contracts` is a URL, a source repository guarded by contracts that
 * live elsewhere (config, hooks, .gitignore, the check workflow). Never overwrites a file.
 */
export function planInit(options: InitOptions): { steps: Step[]; result: InitResult } {
  const root = resolve(options.root);
  const target = (options.contracts ?? 'contracts').replace(/\\/g, '/');
  const remote = locationOf(target).kind !== 'folder';
  const contracts = remote ? target : target.replace(/\/+$/, '');
  const workflow = options.workflow ?? workflowTemplate;
  const pkg = readPackageJson(root);
  const steps: Step[] = [];
  const result: InitResult = {
    mode: remote ? 'source' : 'contracts',
    hooks: 'none',
    created: [],
    updated: [],
    skipped: [],
    next: [],
  };

  if (!remote) {
    const example = posix.join(contracts, 'orders_postgres.yaml');
    const schema = posix.relative(
      posix.dirname(example),
      `node_modules/${PACKAGE_NAME}/schema/contract.schema.json`,
    );
    steps.push({
      kind: 'file',
      path: example,
      content: exampleContract(schema),
      ...(hasContracts(join(root, contracts)) ? { skip: 'has-contracts' as const } : {}),
    });
  }
  const configured = ['dcr.config.yaml', 'dcr.config.yml'].find((f) => existsSync(join(root, f)));
  steps.push({
    kind: 'file',
    path: configured ?? 'dcr.config.yaml',
    content: configFile(contracts, remote),
    ...(pkg && Object.hasOwn(pkg, 'dcr') ? { skip: 'config-in-package-json' as const } : {}),
  });

  planHooks(options, root, pkg, steps, result);
  const ignored = [
    ...IGNORED[result.mode],
    ...(options.hookFacts?.nodeModulesUnignored ? ['node_modules/'] : []),
  ];
  planGitignore(root, ignored, steps);

  for (const name of result.mode === 'source' ? (['dcr-check.yml'] as const) : WORKFLOWS) {
    const text = workflow(name, options.action);
    steps.push({
      kind: 'file',
      path: `.github/workflows/${name}`,
      content: text ?? '',
      ...(text === undefined ? { skip: 'not-shipped' as const } : {}),
    });
  }

  for (const step of steps) {
    if (step.kind === 'file') {
      if (step.skip) result.skipped.push({ path: step.path, reason: step.skip });
      else if (existsSync(join(root, step.path))) result.skipped.push({ path: step.path, reason: 'exists' });
      else result.created.push(step.path);
    } else if (step.kind === 'append' || step.kind === 'script')
      result.updated.push({
        target: step.kind === 'script' ? 'package.json' : step.path,
        change: step.change,
      });
    else if (step.kind === 'git-config')
      result.updated.push({ target: 'git config', change: `${step.key}=${step.value}` });
    else result.updated.push({ target: 'husky', change: 'run husky to turn its hooks on' });
  }
  result.next = nextSteps(result, contracts, options.action);
  return { steps, result };
}

/** Plans and applies; in a dry run only plans. `runHusky` runs the repository's husky. */
export async function initRepository(
  options: InitOptions,
  effects: {
    setGitConfig?: (key: string, value: string) => Promise<void>;
    runHusky?: () => Promise<void>;
  } = {},
): Promise<InitResult> {
  const root = resolve(options.root);
  const { steps, result } = planInit(options);
  if (options.dryRun) return result;
  const created = new Set(result.created);
  for (const step of steps) {
    const full = join(root, 'path' in step ? step.path : 'package.json');
    if (step.kind === 'file') {
      if (!created.has(step.path)) continue;
      mkdirSync(dirname(full), { recursive: true });
      try {
        writeFileSync(full, step.content, { flag: 'wx', ...(step.mode ? { mode: step.mode } : {}) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        created.delete(step.path);
        result.skipped.push({ path: step.path, reason: 'exists' });
      }
    } else if (step.kind === 'append') {
      mkdirSync(dirname(full), { recursive: true });
      const before = existsSync(full) ? readFileSync(full, 'utf8') : '';
      const sep = before === '' || before.endsWith('\n') ? '' : '\n';
      writeFileSync(full, before + sep + step.text);
    } else if (step.kind === 'script') {
      const text = readFileSync(full, 'utf8');
      const json = JSON.parse(text) as { scripts?: Record<string, string> };
      json.scripts = { ...json.scripts, [step.name]: step.value };
      const indent = /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
      writeFileSync(full, JSON.stringify(json, null, indent) + (text.endsWith('\n') ? '\n' : ''));
    } else if (step.kind === 'git-config') await effects.setGitConfig?.(step.key, step.value);
    else await effects.runHusky?.();
  }
  result.created = result.created.filter((p) => created.has(p));
  return result;
}

function planHooks(
  options: InitOptions,
  root: string,
  pkg: Record<string, unknown> | undefined,
  steps: Step[],
  result: InitResult,
): void {
  const facts = options.hookFacts ?? { activeGitHooks: [], usesHusky: false, huskyInstalled: false };
  const wanted = options.hooks ?? 'auto';
  if (wanted === 'none') return;
  const husky = wanted === 'husky' || (wanted === 'auto' && facts.usesHusky);
  const prepare =
    typeof (pkg?.scripts as Record<string, unknown> | undefined)?.prepare === 'string'
      ? String((pkg!.scripts as Record<string, unknown>).prepare)
      : undefined;

  if (husky) {
    result.hooks = 'husky';
    for (const hook of HOOKS) huskyHookStep(root, hook, steps);
    if (!pkg) result.skipped.push({ path: 'package.json', reason: 'no-package-json' });
    else if (prepare === undefined)
      steps.push({ kind: 'script', name: 'prepare', value: 'husky', change: 'scripts.prepare = "husky"' });
    else if (!/\bhusky\b/.test(prepare))
      result.skipped.push({ path: 'package.json', reason: 'prepare-exists' });
    if (facts.huskyInstalled && facts.hooksPath !== '.husky/_') steps.push({ kind: 'run-husky' });
    else if (!facts.huskyInstalled) result.hooks = 'not-wired';
    return;
  }

  // Without husky: our own folder under core.hooksPath, unless hooks are already in use there.
  if (facts.hooksPath !== undefined && facts.hooksPath.replace(/\/+$/, '') !== GIT_HOOKS_DIR) {
    result.hooks = 'not-wired';
    result.skipped.push({ path: `core.hooksPath=${facts.hooksPath}`, reason: 'hooks-path-in-use' });
    return;
  }
  if (facts.hooksPath === undefined && facts.activeGitHooks.length > 0) {
    result.hooks = 'not-wired';
    result.skipped.push({
      path: `.git/hooks/${facts.activeGitHooks.join(', ')}`,
      reason: 'git-hooks-in-use',
    });
    return;
  }
  result.hooks = 'git';
  for (const hook of HOOKS) {
    steps.push({ kind: 'file', path: `${GIT_HOOKS_DIR}/${hook}`, content: hookFile(hook), mode: 0o755 });
  }
  if (facts.hooksPath === undefined)
    steps.push({ kind: 'git-config', key: 'core.hooksPath', value: GIT_HOOKS_DIR });
  // Teammates' clones get the setting from `npm install`.
  const wire = `git config core.hooksPath ${GIT_HOOKS_DIR} || true`;
  if (!pkg) result.skipped.push({ path: 'package.json', reason: 'no-package-json' });
  else if (prepare === undefined)
    steps.push({ kind: 'script', name: 'prepare', value: wire, change: `scripts.prepare = "${wire}"` });
  else if (!prepare.includes(GIT_HOOKS_DIR))
    result.skipped.push({ path: 'package.json', reason: 'prepare-exists' });
}

/** A husky hook file: created, or dcr's block appended when the file runs other things. */
function huskyHookStep(root: string, hook: HookName, steps: Step[]) {
  const path = `.husky/${hook}`;
  const full = join(root, path);
  if (!existsSync(full)) steps.push({ kind: 'file', path, content: hookBlock(hook), mode: 0o755 });
  else if (!runsDcrHook(readFileSync(full, 'utf8'), hook))
    steps.push({ kind: 'append', path, text: `\n${hookBlock(hook)}`, change: `runs dcr's ${hook} hook` });
  else steps.push({ kind: 'file', path, content: '' }); // listed as kept
}

function planGitignore(root: string, entries: readonly string[], steps: Step[]): void {
  const full = join(root, '.gitignore');
  const present = existsSync(full)
    ? new Set(
        readFileSync(full, 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim().replace(/^\//, '')),
      )
    : new Set<string>();
  const missing = entries.filter((e) => !present.has(e) && !present.has(e.replace(/\/$/, '')));
  if (missing.length === 0) return;
  steps.push({
    kind: 'append',
    path: '.gitignore',
    text: `# dcr: reminder state and outbox${missing.includes('_site/') ? ', the built catalog' : ''}${missing.includes('node_modules/') ? "; npm's packages" : ''}\n${missing.join('\n')}\n`,
    change: `ignores ${missing.join(', ')}`,
  });
}

function nextSteps(result: InitResult, contracts: string, action: string | undefined): string[] {
  const next: string[] = [];
  if (result.hooks === 'not-wired')
    next.push(
      result.skipped.some((s) => s.reason === 'hooks-path-in-use' || s.reason === 'git-hooks-in-use')
        ? `your hooks are managed elsewhere: call node_modules/${PACKAGE_NAME}/hooks/{pre-commit,commit-msg,pre-push} from them (pre-commit framework: see the README, "Hooks")`
        : 'npm install        # installs husky, whose `prepare` turns the hooks on',
    );
  if (result.mode === 'contracts') {
    next.push(
      `edit ${contracts}/orders_postgres.yaml (or replace it with your contracts); map owners to GitHub handles under "people" in dcr.config.yaml`,
      'npx dcr validate',
    );
  } else {
    next.push('npx dcr check --base origin/main     # which contracted tables does this branch change?');
  }
  if (!action)
    next.push(
      'in .github/workflows/dcr-check.yml, set `uses:` to your copy of the dcr action (or run `npx dcr init --action <owner>/<repo>@<ref>`)',
    );
  next.push('git add -A && git commit        # the hooks check this commit already');
  return next;
}

function hasContracts(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true }).some((f) => /\.ya?ml$/.test(String(f)));
  } catch {
    return false;
  }
}

function readPackageJson(root: string): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
    return json && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Paths for display: relative to `from`, with forward slashes. */
export const shown = (root: string, from: string, path: string) =>
  relative(from, join(root, path)).replace(/\\/g, '/') || path;
