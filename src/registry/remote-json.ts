import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tableColumnsFromJson } from '../contract/table-details.js';
import { STATUSES, type Contract } from '../contract/types.js';
import { DcrError } from '../errors.js';
import { registryMessages as say } from './messages.js';
import { NETWORK_LIMITS } from './network-limits.js';
import {
  ageOf,
  cacheKey,
  describeAge,
  eagerContracts,
  RegistryUnavailable,
  safeUrl,
  writeCacheFile,
  type CacheSettings,
  type LoadedContracts,
} from './remote-common.js';
import { Registry } from './registry.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an answer gave nothing usable (the sentence goes into the "could not be read" notice). */
class Unusable extends Error {}

/**
 * A published registry.json: cached for `maxAgeMs`, served from the cache when the network
 * fails, and cached only once it reads as a registry. A damaged cache file is discarded.
 */
export async function loadJson(
  url: string,
  s: CacheSettings & { allowHttp: boolean },
): Promise<LoadedContracts> {
  const where = safeUrl(url);
  if (!allowed(new URL(url), s.allowHttp))
    throw new DcrError(say.httpsOnly(where), { hint: say.httpsOnlyHint });
  const file = join(s.cacheDir, `registry-${cacheKey(url)}.json`);
  const age = ageOf(file);
  if (age !== undefined && age < s.maxAgeMs) {
    const registry = readCache(file, where);
    if (registry) return eagerContracts(registry, []);
  }
  let body: string;
  let registry: Registry;
  try {
    const answer = await download(new URL(url), s);
    body = answer.body;
    registry = registryFromJson(parseJson(body, answer.type), where);
  } catch (error) {
    const cached = age === undefined ? undefined : readCache(file, where);
    if (cached) return eagerContracts(cached, [say.stale(where, describeAge(age!))]);
    throw new RegistryUnavailable(where, reason(error, s.timeoutMs));
  }
  writeCacheFile(file, body);
  return eagerContracts(registry, []);
}

/** https, or http on loopback when allowed (tests). */
const allowed = (u: URL, allowHttp: boolean) =>
  u.protocol === 'https:' || (allowHttp && u.protocol === 'http:' && LOOPBACK.has(u.hostname));

/** The cached registry, or undefined after discarding a cache file that does not read as one. */
function readCache(file: string, where: string): Registry | undefined {
  try {
    return registryFromJson(JSON.parse(readFileSync(file, 'utf8')), where);
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

/**
 * GETs the registry within one deadline, following at most `maxRedirects` redirects, never
 * from https to anything else, and reading at most `maxBytes` of body.
 */
async function download(first: URL, s: CacheSettings & { allowHttp: boolean }) {
  const signal = AbortSignal.timeout(s.timeoutMs);
  let url = first;
  for (let hop = 0; ; hop++) {
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= NETWORK_LIMITS.maxRedirects) throw new Unusable(say.tooManyRedirects(hop));
      const next = new URL(location, url);
      if (first.protocol === 'https:' && next.protocol !== 'https:')
        throw new Unusable(say.downgrade(safeUrl(next.href)));
      if (!allowed(next, s.allowHttp)) throw new Unusable(say.httpsOnly(safeUrl(next.href)));
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Unusable(say.httpStatus(response.status));
    }
    const type = response.headers.get('content-type') ?? '';
    if (Number(response.headers.get('content-length') ?? 0) > s.maxBytes) {
      await response.body?.cancel();
      throw new Unusable(say.tooBig(s.maxBytes));
    }
    return { body: await readCapped(response, s.maxBytes), type };
  }
}

/** The body as text, stopping as soon as it passes `maxBytes` (no Content-Length is trusted). */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Unusable(say.tooBig(maxBytes));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(body: string, type: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new Unusable(say.notJson(type.split(';')[0]!.trim()));
  }
}

/** The sentence for a failed read: ours, the deadline, or the network's error code. */
function reason(error: unknown, timeoutMs: number): string {
  if (error instanceof Unusable || error instanceof DcrError) return error.message;
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return say.noAnswer(timeoutMs);
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

/** Builds a Registry from a published registry.json, field by field (no spreading of foreign data). */
export function registryFromJson(data: unknown, where: string): Registry {
  const bad = (why: string): never => {
    throw new DcrError(`${where} is not a dcr registry.json: ${why}`, {
      hint: 'publish it with `dcr site build`',
    });
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return bad('not a JSON object');
  const doc = data as Record<string, unknown>;
  if (doc.version !== 1) return bad(`version ${JSON.stringify(doc.version)} (expected 1)`);
  if (!Array.isArray(doc.contracts)) return bad('no "contracts" list');
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const contracts: Contract[] = [];
  for (const item of doc.contracts as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const c = item as Record<string, unknown>;
    const owners = (c.owners ?? {}) as Record<string, unknown>;
    const jobId = str(c.jobId);
    if (!jobId) continue;
    const contract: Contract = {
      jobId,
      file: str(c.file) ?? `${jobId}.yaml`,
      status: (STATUSES as readonly string[]).includes(c.status as string)
        ? (c.status as Contract['status'])
        : 'active',
      sourceHost: str(c.sourceHost) ?? '',
      sourceDb: str(c.sourceDb) ?? '',
      tables: strings(c.tables),
      ingestionType: (str(c.ingestionType) ?? 'full') as Contract['ingestionType'],
      owners: { source: strings(owners.source), ingestion: strings(owners.ingestion) },
      tags: strings(c.tags),
      extensions: Object.create(null) as Record<string, unknown>,
    };
    const repo = str(c.sourceRepo);
    if (repo) contract.sourceRepo = repo;
    if (c.policy === 'warn' || c.policy === 'block') contract.policy = c.policy;
    const tableColumns = tableColumnsFromJson(c.tableColumns);
    if (tableColumns) contract.tableColumns = tableColumns;
    contracts.push(contract);
  }
  return new Registry(contracts);
}
