import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DcrError, ExitCode, UsageError } from '../errors.js';
import { gitTop } from '../git/refs.js';
import {
  commitTree,
  commonGitDir,
  fetchRef,
  hasRemote,
  isAncestor,
  isValidRefFormat,
  pushRef,
  readCommitFiles,
  refCommit,
  remoteNameProblem,
  stateRefProblem,
  updateRef,
  treeOf,
  writeTree,
} from '../git/state-ref.js';
import { Ledger, pendingKey, serializeState, type LedgerState } from './ledger.js';
import { remindMessages } from './remind-messages.js';

/** The state file's name inside the ref's tree (as the earlier workflow template wrote it). */
const STATE_FILE = 'reminders.json';
/** Merges tried when others keep moving the remote ref (several runs at once push often). */
const PUSH_ATTEMPTS = 20;

/** Where the reminders state lives: a file, or a commit on a git ref. */
export type StateSpec = { kind: 'file'; path: string } | { kind: 'git'; ref: string };

/** Reads `--state` / `reminders.state`: `git:<ref>` or a file path. Refuses a bad ref name. */
export function parseStateSpec(spec: string): StateSpec {
  if (!spec.startsWith('git:')) return { kind: 'file', path: spec };
  const ref = spec.slice('git:'.length);
  const problem = stateRefProblem(ref);
  if (problem) throw usage(remindMessages.stateSpec(spec, problem));
  return { kind: 'git', ref };
}

/** A git state's repository, ref, remote and private working folder. */
export interface GitStateLocation {
  top: string;
  ref: string;
  remote?: string;
  /** The working ledger file, in the .git folder: never the work tree or the index. */
  file: string;
}

/** Checks the ref and remote and finds the working ledger's place (writes nothing). */
export async function locateGitState(cwd: string, ref: string, remote?: string): Promise<GitStateLocation> {
  const top = await gitTop(cwd);
  if (!top) throw usage(remindMessages.stateNotRepo(cwd));
  if (!(await isValidRefFormat(top, ref)))
    throw usage(remindMessages.stateSpec(`git:${ref}`, 'is not valid'));
  if (remote !== undefined) {
    const problem =
      remoteNameProblem(remote) ?? ((await hasRemote(top, remote)) ? undefined : 'is not a remote');
    if (problem) throw usage(remindMessages.stateRemote(remote, problem));
  }
  // A fixed folder per ref (not a random temp folder), so a killed run's journal is found again.
  const file = join(await commonGitDir(top), 'dcr-state', ref, STATE_FILE);
  return { top, ref, ...(remote === undefined ? {} : { remote }), file };
}

/**
 * The reminders state kept on a git ref. `open` fetches it (with a remote), merges it with
 * what a killed run left behind, and opens the working ledger; `checkpoint` commits the ledger
 * to the ref (and pushes it) when a digest is claimed and before it goes out, so a run killed
 * at any point is never repeated from a fresh clone; `finish` does the same at the end. The
 * push is a compare-and-swap (never forced): one that others beat is fetched, merged and tried
 * again, and in the merge a claim the remote holds that this run had not seen wins over this
 * run's own, so two runs never both send one digest.
 */
export class GitState {
  private saving: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  /** Every digest in flight this run has seen on a state (its own claims included). */
  private readonly known = new Set<string>();

  private constructor(
    readonly location: GitStateLocation,
    readonly ledger: Ledger,
    /** What the local ref points at now (the compare-and-swap value of the next update). */
    private localTip: string | undefined,
    /** The parents of the next state commit. */
    private parents: string[],
    /** What the remote ref pointed at when last fetched or pushed. */
    private remoteTip: string | undefined,
  ) {}

  static async open(location: GitStateLocation, options: { readOnly?: boolean } = {}): Promise<GitState> {
    const { top, ref, remote, file } = location;
    const remoteTip = remote === undefined ? undefined : await fetchRef(top, remote, ref);
    const localTip = await refCommit(top, ref);
    let useLocal = localTip !== undefined;
    let useRemote = remoteTip !== undefined && remoteTip !== localTip;
    if (localTip && remoteTip && useRemote) {
      if (await isAncestor(top, localTip, remoteTip)) useLocal = false;
      else if (await isAncestor(top, remoteTip, localTip)) useRemote = false;
    }
    const parents = [...(useLocal ? [localTip!] : []), ...(useRemote ? [remoteTip!] : [])];
    // A killed run's working ledger is newer than the local ref, if that still holds its last save.
    const leftover = existsSync(file) || existsSync(`${file}.journal`);
    const supersedesLocal = leftover && localTip !== undefined && savedCommit(file) === localTip;
    const absorb: LedgerState[] = [];
    if (useLocal && !supersedesLocal) absorb.push(await readState(top, localTip!));
    if (useRemote) absorb.push(await readState(top, remoteTip!));
    const ledger = Ledger.open(file, { readOnly: options.readOnly ?? false, absorb });
    const state = new GitState(location, ledger, localTip, parents, remoteTip);
    state.learn(ledger.snapshot());
    return state;
  }

  /** Remembers the digests in flight of a state as seen. */
  private learn(state: LedgerState): void {
    for (const person of Object.values(state.people))
      if (person.pending) this.known.add(pendingKey(person.pending));
  }

  /** Commits the ledger to the ref (and pushes it); waits for a save that includes every mark made so far. */
  checkpoint(): Promise<void> {
    if (!this.saving) {
      this.saving = this.save().finally(() => (this.saving = undefined));
      return this.saving;
    }
    // A save is under way with an older snapshot: join the one after it.
    this.queued ??= this.saving
      .catch(() => {})
      .then(() => {
        this.queued = undefined;
        return this.checkpoint();
      });
    return this.queued;
  }

  /** Closes the ledger and saves it; the working files go once the local ref holds them. */
  async finish(): Promise<void> {
    this.ledger.close();
    await this.checkpoint();
  }

  private async save(): Promise<void> {
    const { top, ref, remote, file } = this.location;
    for (let attempt = 1; ; attempt++) {
      const snapshot = this.ledger.snapshot();
      this.learn(snapshot); // our own claims, before any other run can hold them up to us
      const files = new Map([[STATE_FILE, serializeState(snapshot)]]);
      const tree = await writeTree(top, files);
      const [parent, other] = this.parents;
      let commit: string;
      if (parent && !other && parent === this.localTip && (await treeOf(top, parent)) === tree) {
        commit = parent; // nothing changed: no empty commit every week
      } else {
        commit = await commitTree(top, tree, this.parents, 'dcr remind: reminders state');
        if (!(await updateRef(top, ref, commit, this.localTip, 'dcr remind: save state'))) {
          const moved = remindMessages.stateRefMoved(ref);
          throw new DcrError(moved.message, { ...(moved.hint ? { hint: moved.hint } : {}) });
        }
        writeFileSync(`${file}.saved`, commit); // which commit the working ledger was last saved as
      }
      this.localTip = commit;
      this.parents = [commit];
      if (this.ledger.closed) {
        rmSync(file, { force: true }); // the ref holds it now
        rmSync(`${file}.journal`, { force: true });
        rmSync(`${file}.saved`, { force: true });
      }
      if (remote === undefined || this.remoteTip === commit) return;
      let outcome: 'pushed' | 'rejected' | 'busy';
      try {
        outcome = await pushRef(top, remote, commit, ref);
      } catch (error) {
        throw pushFailed(ref, remote, (error as Error).message, error);
      }
      if (outcome === 'pushed') {
        this.remoteTip = commit;
        return;
      }
      if (attempt === PUSH_ATTEMPTS)
        throw pushFailed(ref, remote, `others kept moving it (${attempt} merges tried)`);
      // Someone else moved the remote ref: merge their state into ours and try again.
      await pause(attempt); // apart from the others, so that one of them gets through
      const theirs = await fetchRef(top, remote, ref);
      if (!theirs || (await isAncestor(top, theirs, commit))) {
        if (outcome === 'busy') continue; // another push held the lock and did not move it: again
        throw pushFailed(ref, remote, 'the push was rejected, but the ref did not move');
      }
      this.remoteTip = theirs;
      const state = await readState(top, theirs);
      this.ledger.absorb(state, this.known); // their new claims were on the ref first: they win
      this.learn(state);
      this.parents = [commit, theirs];
    }
  }
}

/** A short random wait before pushing again, growing with the attempts (runs racing spread out). */
const pause = (attempt: number) =>
  new Promise<void>((r) => setTimeout(r, Math.random() * 50 * Math.min(attempt, 10)));

/** The commit the working ledger `file` was last saved as, if any. */
function savedCommit(file: string): string | undefined {
  try {
    return readFileSync(`${file}.saved`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The state in a commit's tree (an empty state when the file is missing). */
async function readState(top: string, commit: string): Promise<LedgerState> {
  const files = await readCommitFiles(top, commit);
  const label = `${commit.slice(0, 12)}:${STATE_FILE}`;
  return Ledger.parse(
    label,
    files.get(STATE_FILE)?.toString('utf8'),
    files.get(`${STATE_FILE}.journal`)?.toString('utf8'),
  ).snapshot();
}

const usage = (m: { message: string; hint?: string }) => new UsageError(m.message, m.hint);

function pushFailed(ref: string, remote: string, why: string, cause?: unknown): DcrError {
  const m = remindMessages.statePushFailed(ref, remote, why);
  return new DcrError(m.message, { ...(m.hint ? { hint: m.hint } : {}), exitCode: ExitCode.Usage, cause });
}
