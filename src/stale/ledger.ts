import {
  closeSync,
  existsSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { DcrError } from '../errors.js';

/** A contract a person was reminded about: when, and at which version of the contract. */
export interface ReminderRecord {
  at: string;
  lastUpdated: string;
  messageId: string;
}

/**
 * Where a digest in flight stands. `claimed`: a run holds it and has not handed it to the mail
 * server yet (a claim of a run that is gone is free again). `uncertain`: it was handed to the
 * server and its outcome is unknown until someone resolves it.
 */
export type PendingPhase = 'claimed' | 'uncertain';

/** A digest in flight: claimed by a run, or handed to the server with an unknown outcome. */
export interface PendingDigest {
  at: string;
  messageId: string;
  contracts: { contract: string; lastUpdated: string }[];
  /** Absent in states written before claims existed: those meant `uncertain`. */
  state?: PendingPhase;
  /** The run that holds it (random per run), its machine and process. */
  run?: string;
  host?: string;
  pid?: number;
  /** When the run took or renewed the claim, by the machine's clock (a claim's lease runs from here). */
  claimedAt?: string;
}

/** Identifies one run's digest: message ids repeat across runs of the same day. */
export const pendingKey = (p: Pick<PendingDigest, 'run' | 'messageId'>): string =>
  `${p.run ?? ''}|${p.messageId}`;

interface Ref {
  to: string;
  messageId: string;
  run?: string;
}

type JournalEntry =
  | ({ op: 'sending'; to: string } & PendingDigest)
  | ({ op: 'phase'; state: PendingPhase; claimedAt?: string } & Ref)
  | ({ op: 'sent'; at: string } & Ref)
  | ({ op: 'failed'; at: string } & Ref);

interface PersonState {
  reminded: Map<string, ReminderRecord>;
  pending?: PendingDigest;
}

/** The compacted state as stored in the file (and in a git state ref). */
export interface LedgerState {
  version: 1;
  people: Record<string, { reminded: Record<string, ReminderRecord>; pending?: PendingDigest }>;
}

/**
 * The durable record of what was sent to whom. A compacted JSON file plus an append-only
 * journal beside it (`<file>.journal`), flushed to disk line by line: `sending` before a
 * message goes out, `sent` or `failed` after. A run killed at any point leaves a journal from
 * which the next run knows what was sent, and which sends have an unknown outcome.
 */
export class Ledger {
  private readonly people = new Map<string, PersonState>();
  /** The digests this ledger put in flight itself (this run's claims). */
  private readonly own = new Set<string>();
  private fd: number | undefined;
  private isClosed = false;

  private constructor(
    readonly file: string,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Reads the state and replays its journal, then merges in `absorb` (states kept elsewhere,
   * e.g. on a git ref). `readOnly` (dry runs) never writes.
   */
  static open(file: string, options: { readOnly?: boolean; absorb?: readonly LedgerState[] } = {}): Ledger {
    const ledger = new Ledger(file, options.readOnly ?? false);
    if (existsSync(file)) ledger.loadState(readFileSync(file, 'utf8'), file);
    if (existsSync(ledger.journalFile))
      ledger.replay(readFileSync(ledger.journalFile, 'utf8'), ledger.journalFile);
    for (const state of options.absorb ?? []) ledger.absorb(state);
    if (!ledger.readOnly) ledger.compact();
    return ledger;
  }

  /** A read-only ledger from a state text and its journal (`label` names them in errors). */
  static parse(label: string, state: string | undefined, journal?: string): Ledger {
    const ledger = new Ledger(label, true);
    if (state !== undefined) ledger.loadState(state, label);
    if (journal !== undefined) ledger.replay(journal, `${label}.journal`);
    return ledger;
  }

  get journalFile(): string {
    return `${this.file}.journal`;
  }

  reminded(person: string, contract: string): ReminderRecord | undefined {
    return this.people.get(person.toLowerCase())?.reminded.get(contract);
  }

  pending(person: string): PendingDigest | undefined {
    return this.people.get(person.toLowerCase())?.pending;
  }

  /** Records a digest in flight (a claim when `digest.state` is `claimed`). */
  markSending(person: string, digest: PendingDigest): void {
    this.own.add(pendingKey(digest));
    this.record({ op: 'sending', to: person.toLowerCase(), ...digest });
  }

  /** Moves a digest in flight to `state` (`uncertain` once it is handed to the server). */
  markPhase(person: string, messageId: string, state: PendingPhase, run?: string, claimedAt?: string): void {
    this.record({
      op: 'phase',
      to: person.toLowerCase(),
      messageId,
      state,
      ...(run === undefined ? {} : { run }),
      ...(claimedAt === undefined ? {} : { claimedAt }),
    });
  }

  markSent(person: string, messageId: string, at: string, run?: string): void {
    this.record({
      op: 'sent',
      to: person.toLowerCase(),
      messageId,
      at,
      ...(run === undefined ? {} : { run }),
    });
  }

  /** The message was not accepted (or never went out): forget the pending digest, so a later run tries again. */
  markFailed(person: string, messageId: string, at: string, run?: string): void {
    this.record({
      op: 'failed',
      to: person.toLowerCase(),
      messageId,
      at,
      ...(run === undefined ? {} : { run }),
    });
  }

  /** Every digest handed to the server whose outcome nobody resolved yet, by person. */
  uncertain(): { person: string; pending: PendingDigest }[] {
    return [...this.people]
      .filter(([, s]) => s.pending && (s.pending.state ?? 'uncertain') === 'uncertain')
      .map(([person, s]) => ({ person, pending: s.pending! }))
      .sort((a, b) => a.person.localeCompare(b.person));
  }

  /** The state with the journal applied, in a stable order (what `compact` writes). */
  snapshot(): LedgerState {
    const people: LedgerState['people'] = {};
    for (const person of [...this.people.keys()].sort()) {
      const s = this.people.get(person)!;
      const reminded: Record<string, ReminderRecord> = {};
      for (const contract of [...s.reminded.keys()].sort())
        reminded[contract] = { ...s.reminded.get(contract)! };
      people[person] = s.pending ? { reminded, pending: s.pending } : { reminded };
    }
    return { version: 1, people };
  }

  /**
   * Merges a state written elsewhere (another runner's) into this one: the union of the
   * records, the newer one where both reminded a person about a contract. A pending digest is
   * taken over unless this ledger has its own, or already recorded that message as sent.
   * With `known` (a merge after a push that another run beat: `other` is what the shared ref
   * holds), a pending digest not in `known` was claimed on the ref first and wins over ours;
   * one in `known` was already seen (and maybe resolved) here and is left out, and one of this
   * run's own is never taken back from the ref (the ref may still hold an older mark of it).
   * In memory only: the next `compact` (or snapshot) carries it.
   */
  absorb(other: LedgerState, known?: ReadonlySet<string>): void {
    const theirPeople = new Map(Object.entries(other.people).map(([e, v]) => [e.toLowerCase(), v]));
    for (const [email, theirs] of theirPeople) {
      const s = this.person(email);
      for (const [contract, record] of Object.entries(theirs.reminded)) {
        const ours = s.reminded.get(contract);
        if (!ours || Date.parse(record.at) > Date.parse(ours.at)) s.reminded.set(contract, { ...record });
      }
      const pending = theirs.pending;
      if (known) continue;
      if (pending && !s.pending && ![...s.reminded.values()].some((r) => r.messageId === pending.messageId))
        s.pending = pending;
    }
    if (!known) return;
    // A merge with the shared ref: it is the truth about every digest in flight but this run's own.
    for (const [email, s] of this.people) {
      const pending = theirPeople.get(email)?.pending;
      const ownPending = s.pending !== undefined && this.own.has(pendingKey(s.pending));
      // Our own digest, as an earlier save left it (another run pushed our old mark on):
      // this run is the truth about it, also when it has resolved it since.
      if (pending && this.own.has(pendingKey(pending))) continue;
      if (pending && !known.has(pendingKey(pending)))
        s.pending = { ...pending }; // claimed there first
      else if (!ownPending) {
        if (pending) s.pending = { ...pending };
        else delete s.pending; // resolved by the run that held it
      }
    }
  }

  /** Writes the compacted state atomically and empties the journal. */
  compact(): void {
    if (this.readOnly) return;
    this.closeJournal();
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, serializeState(this.snapshot()));
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    rmSync(this.journalFile, { force: true });
  }

  close(): void {
    this.compact();
    this.closeJournal();
    this.isClosed = true;
  }

  /** Whether `close` was called (the run is over). */
  get closed(): boolean {
    return this.isClosed;
  }

  private record(entry: JournalEntry): void {
    this.apply(entry);
    if (this.readOnly) return;
    if (this.fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.journalFile, 'a');
    }
    writeSync(this.fd, JSON.stringify(entry) + '\n');
    fdatasyncSync(this.fd); // on disk before the message goes out (or before we say it went)
  }

  private closeJournal() {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private person(email: string): PersonState {
    let s = this.people.get(email);
    if (!s) this.people.set(email, (s = { reminded: new Map() }));
    return s;
  }

  private apply(e: JournalEntry): void {
    const s = this.person(e.to);
    if (e.op === 'sending') {
      const { op: _op, to: _to, ...digest } = e;
      s.pending = digest;
      return;
    }
    // Only the run that holds the digest moves it on (message ids repeat across runs).
    if (s.pending?.messageId !== e.messageId || (e.run ?? '') !== (s.pending.run ?? '')) return;
    if (e.op === 'phase') {
      s.pending = { ...s.pending, state: e.state, ...(e.claimedAt ? { claimedAt: e.claimedAt } : {}) };
      return;
    }
    if (e.op === 'sent')
      for (const c of s.pending.contracts)
        s.reminded.set(c.contract, { at: e.at, lastUpdated: c.lastUpdated, messageId: e.messageId });
    delete s.pending;
  }

  private loadState(text: string, file: string): void {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw corrupt(file, (error as Error).message);
    }
    const people = (data as { people?: unknown })?.people;
    if ((data as { version?: unknown })?.version !== 1 || !isObject(people))
      throw corrupt(file, 'not a dcr reminders state (version 1)');
    for (const [email, value] of Object.entries(people)) {
      if (!isObject(value) || !isObject(value.reminded)) throw corrupt(file, `bad entry for ${email}`);
      const s = this.person(email.toLowerCase());
      for (const [contract, r] of Object.entries(value.reminded)) {
        if (!isObject(r) || typeof r.at !== 'string' || typeof r.lastUpdated !== 'string')
          throw corrupt(file, `bad record ${email}/${contract}`);
        s.reminded.set(contract, {
          at: r.at,
          lastUpdated: r.lastUpdated,
          messageId: String(r.messageId ?? ''),
        });
      }
      if (isObject(value.pending)) s.pending = value.pending as unknown as PendingDigest;
    }
  }

  private replay(text: string, file: string): void {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        this.apply(JSON.parse(line) as JournalEntry);
      } catch (error) {
        // A kill during a write can cut the last line short; anything else is damage.
        if (i !== lines.length - 1) throw corrupt(file, (error as Error).message);
      }
    });
  }
}

/** The text of a state file: stable, one key per line, so git diffs of it stay readable. */
export const serializeState = (state: LedgerState): string => JSON.stringify(state, null, 1) + '\n';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function corrupt(file: string, detail: string): DcrError {
  return new DcrError(`the reminders state ${file} is damaged: ${detail}`, {
    hint: 'restore it from a backup; deleting it makes the next run remind everyone again',
  });
}
