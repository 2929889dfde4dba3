import { readFileSync } from 'node:fs';
import { DcrError } from '../errors.js';

/** The parts of a `pull_request` / `pull_request_target` event payload the action uses. */
export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
  author?: string;
  labels: string[];
  /** The head lives in another repository: the token is read-only there. */
  fork: boolean;
  htmlUrl?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Reads the event payload; undefined when the event carries no pull request. */
export function readPullRequestEvent(path: string): PullRequestEvent | undefined {
  let payload: Json;
  try {
    payload = obj(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new DcrError(`cannot read the event payload ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const pr = obj(payload.pull_request);
  const number = typeof pr.number === 'number' ? pr.number : undefined;
  const base = obj(pr.base);
  const head = obj(pr.head);
  const baseSha = str(base.sha);
  const headSha = str(head.sha);
  if (number === undefined || !baseSha || !headSha) return undefined;
  const headRepo = str(obj(head.repo).full_name);
  const baseRepo = str(obj(base.repo).full_name);
  const labels = Array.isArray(pr.labels)
    ? pr.labels.map((l) => str(obj(l).name)).filter((x): x is string => !!x)
    : [];
  const author = str(obj(pr.user).login);
  const htmlUrl = str(pr.html_url);
  return {
    number,
    baseSha,
    headSha,
    labels,
    fork: !!headRepo && !!baseRepo && headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    ...(author ? { author } : {}),
    ...(htmlUrl ? { htmlUrl } : {}),
  };
}
