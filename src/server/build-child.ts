// The build process of `dcr serve`: one build per process, so that a slow or crashing parse
// never holds up or takes down the server. Waits for a ServeBuildJob, answers a BuildReply.
import type { BuildReply } from './build-runner.js';
import { buildServeState, type ServeBuildJob } from './serve-build.js';

// The server is gone: nothing is waiting for a build.
process.once('disconnect', () => process.exit(0));
process.once('message', (job: ServeBuildJob) => {
  const reply = (message: BuildReply) => process.send!(message, () => process.exit(0));
  buildServeState(job).then(
    (build) => reply({ ok: true, build }),
    (error: { message?: string; hint?: string }) =>
      reply({
        ok: false,
        message: String(error?.message ?? error),
        ...(error?.hint ? { hint: error.hint } : {}),
      }),
  );
});
