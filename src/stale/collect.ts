import type { LoadedConfig } from '../config/config.js';
import type { Contract } from '../contract/types.js';
import { loadRegistry } from '../registry/load.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { contractHistory } from './history.js';
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
  const { registry, diagnostics } = loadRegistry(loaded);
  const badFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  const contracts = registry.contracts.filter((c) => !badFiles.has(c.file));
  const history = await contractHistory(
    loaded.root,
    contracts.map((c) => c.file),
    loaded.config.contracts,
  );
  return {
    now: options.now,
    thresholdDays: options.thresholdDays,
    stale: findStale(contracts, history.changes, options),
    contracts,
    invalid: [...badFiles].sort(),
    diagnostics,
    shallow: history.shallow,
  };
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
