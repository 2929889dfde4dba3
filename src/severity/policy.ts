import { severityMessages as m } from './messages.js';
import { atLeast, isSeverity, type Severity } from './severity.js';

/** `block: breaking` blocks breaking findings; `warn: risky` warns from risky up; the rest is info. */
export interface PolicyThresholds {
  block?: Severity;
  warn?: Severity;
}

/** A policy as contracts, the config and `--policy` give it: `warn`, `block`, or thresholds. */
export type PolicySetting = 'warn' | 'block' | PolicyThresholds;

/** Why a value is not a policy, and what to write instead. */
export interface PolicyError {
  error: string;
  hint: string;
}

export const isPolicyError = (p: PolicySetting | PolicyError): p is PolicyError =>
  typeof p === 'object' && 'error' in p;

/** What the guard does with one finding. */
export type Action = 'block' | 'warn' | 'info';

/**
 * The action a policy takes on a finding of a severity. `block` blocks everything and `warn`
 * warns about everything, as before severities existed; thresholds sort by severity.
 */
export function actionOf(policy: PolicySetting, severity: Severity): Action {
  if (policy === 'block') return 'block';
  if (policy === 'warn') return 'warn';
  if (policy.block && atLeast(severity, policy.block)) return 'block';
  return atLeast(severity, policy.warn ?? 'info') ? 'warn' : 'info';
}

/** The policy in a few words, for reports (`block`, `block breaking, warn risky`). */
export function policyText(policy: PolicySetting): string {
  return typeof policy === 'string' ? policy : m.policyText(policy.block, policy.warn);
}

/**
 * A policy from a value as written (YAML mapping or string) or from `--policy`:
 * `warn`, `block`, `block=breaking,warn=risky` (also `block:breaking warn:risky`).
 */
export function parsePolicy(value: unknown): PolicySetting | PolicyError {
  const bad = {
    error: m.badPolicy(typeof value === 'string' ? value : JSON.stringify(value)),
    hint: m.policyHint,
  };
  if (value === 'warn' || value === 'block') return value;
  let entries: [string, unknown][];
  if (typeof value === 'string') {
    const parts = value.split(/[\s,]+/).filter(Boolean);
    entries = [];
    for (const part of parts) {
      const match = /^(\w+)\s*[=:]\s*(\w+)$/.exec(part);
      if (!match) return bad;
      entries.push([match[1]!, match[2]!]);
    }
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    entries = Object.entries(value);
  } else return bad;
  if (entries.length === 0) return bad;
  const out: PolicyThresholds = {};
  for (const [key, v] of entries) {
    if ((key !== 'block' && key !== 'warn') || !isSeverity(v) || out[key] !== undefined) return bad;
    out[key] = v;
  }
  return out;
}

/**
 * How much a policy blocks and warns, for comparing two policies: per severity, 2 block, 1 warn,
 * 0 info. Used to tell a weakened policy from a tightened one.
 */
export function policyStrength(policy: PolicySetting): number[] {
  const score = { block: 2, warn: 1, info: 0 } as const;
  return (['breaking', 'risky', 'info'] as const).map((s) => score[actionOf(policy, s)]);
}
