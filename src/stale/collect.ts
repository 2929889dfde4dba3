import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/config.js';
import { DcrError } from '../errors.js';
import { findContractFiles } from '../registry/find-files.js';
import { staleMessages } from './messages.js';
import type { Contract } from '../contract/types.js';
import { loadRegistry } from '../registry/load.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { probeRepo, startHistory } from './history.js';
import { findStale, type StaleContract } from './stale.js';

export interface StaleReport {
  now: Date;
  thresholdDays: number;
  stale: StaleContract[];
  /** Contracts that passed validation (the ones judged). */
  contracts: Contract[];
  /** Files left out because they have validation errors. */
  invalid: string[];
  diagnostics: Diagnostic[];
  shallow: boolean;
}

/**
 * Loads and validates the configured contracts and finds the stale ones. Only contracts
 * without validation errors are judged, so nothing downstream (reminders) ever sees an owner
 * field that validation refused.
 */
export async function collectStale(
  loaded: LoadedConfig,
  options: { now: Date; thresholdDays: number },
): Promise<StaleReport> {
  const dir = loaded.config.contracts;
  if (/^[a-z][a-z0-9+.-]*:\/\/|^[^/\\]+@[^/\\]+:/i.test(dir)) {
    const m = staleMessages.remoteContracts(dir.replace(/\/\/[^@/]*@/, '//'));
    throw new DcrError(m.message, { hint: m.hint });
  }
  const repo = await probeRepo(loaded.root);
  // List the files, start git log, and validate while git walks the history (two cores).
  const listed = listFiles(loaded, dir);
  const history = startHistory(repo, listed, dir);
  history.catch(() => {}); // awaited below; do not report a rejection as unhandled meanwhile
  const { registry, diagnostics } = loadRegistry(loaded, dir);
  const changes = await history;
  const badFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const contracts = registry.contracts.filter((c) => !badFiles.has(c.file));
  return {
    now: options.now,
    thresholdDays: options.thresholdDays,
    stale: findStale(contracts, changes, options),
    contracts,
    invalid: [...badFiles].sort(),
    diagnostics,
    shallow: repo.shallow,
  };
}

/** Contract files below `dir`, relative to the config root with forward slashes (as contracts name them). */
function listFiles(loaded: LoadedConfig, dir: string): string[] {
  const absolute = resolve(loaded.root, dir);
  if (!existsSync(absolute)) return [];
  const find = { include: loaded.config.include, ignore: loaded.config.ignore };
  return findContractFiles(absolute, find).map((f) => relative(loaded.root, f).split(sep).join('/'));
}

/** The JSON shape of `dcr stale --format json` (see DESIGN.md). */
export function staleJson(report: StaleReport, thresholdText: string) {
  return {
    now: report.now.toISOString(),
    threshold: thresholdText,
    thresholdDays: report.thresholdDays,
    stale: report.stale.map((s) => ({
      contract: s.contract,
      file: s.file,
      lastUpdated: s.lastUpdated,
      ageDays: s.ageDays,
      owners: s.owners,
      basis: s.basis,
      ...(s.commit ? { commit: s.commit } : {}),
    })),
    ...(report.invalid.length ? { invalid: report.invalid } : {}),
    ...(report.shallow ? { shallow: true } : {}),
  };
}
