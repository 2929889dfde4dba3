// The build process of `dcr serve`: one build per process, so that a slow or crashing parse
// never holds up or takes down the server. Waits for a ServeBuildJob and answers BuildMessages:
// the result in slices, so that the server takes it in a slice per turn of its event loop
// instead of stopping its requests for one large message.
import type { BuildMessage } from './build-runner.js';
import { buildServeState, type ServeBuildJob } from './serve-build.js';

/** Entries per message. */
const SLICE = 500;

const send = (message: BuildMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

// The server is gone: nothing is waiting for a build.
process.once('disconnect', () => process.exit(0));
process.once('message', (job: ServeBuildJob) => {
  void (async () => {
    try {
      const { state, skipped, problems } = await buildServeState(job);
      for (let i = 0; i < state.entries.length; i += SLICE)
        await send({ kind: 'entries', items: state.entries.slice(i, i + SLICE) });
      // Posting lists as typed arrays (copied as bytes, not number by number), ~64k numbers a message.
      let items: [string, Int32Array][] = [];
      let numbers = 0;
      for (const [term, list] of state.index.postings) {
        items.push([term, Int32Array.from(list)]);
        numbers += list.length + 8;
        if (numbers < 65_536) continue;
        await send({ kind: 'postings', items });
        items = [];
        numbers = 0;
      }
      if (items.length) await send({ kind: 'postings', items });
      await send({
        kind: 'done',
        skipped,
        problems,
        siteDir: state.siteDir,
        generated: state.generated,
        manifest: state.manifest,
        terms: state.index.terms,
        rows: state.index.rows,
      });
    } catch (error) {
      const e = error as { message?: string; hint?: string };
      await send({
        kind: 'failed',
        message: String(e?.message ?? error),
        ...(e?.hint ? { hint: e.hint } : {}),
      });
    }
    process.exit(0);
  })();
});
