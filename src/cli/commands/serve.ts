import { ExitCode, UsageError } from '../../errors.js';
import type { Command, Values } from '../command.js';
import type { CliContext } from '../context.js';
import { configFor, formatOf, writeJson } from '../shared.js';
import { nowOf } from './site.js';

export const command: Command = {
  help: `Usage: dcr serve [options]

Builds the catalog, serves it, and rebuilds it when a contract file changes (in a separate
process; the last good build stays online meanwhile, and while the contracts folder is gone).
Contract files with errors are left out with a warning. Also answers a read-only JSON API:
  GET /api/contracts            filters: owner, table, status, stale=true|false
  GET /api/contracts/:jobid     one contract, with freshness and last change
  GET /api/tables/:table        which jobs read a table, and whom to contact ([db.][schema.]table,
                                matched as \`dcr check\` matches it: sales.orders is not public.orders)
  GET /api/search?q=TEXT        the catalog's search (limit=1..200)
  GET /healthz                  liveness
Stop it with Ctrl-C.

Options:
  --port N        port to listen on (default 8080; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1, loopback only; 0.0.0.0 exposes it)
  --no-watch      do not rebuild on change
  --now ISO-DATE  the clock for freshness badges (default: now)
  --cors ORIGIN   let pages of this origin read the API and JSON files from a browser
                  (repeatable, e.g. https://portal.example.com; \`*\` allows any origin);
                  replaces site.cors of the config
  --schedule CRON also run \`dcr remind\` in-process on a five-field cron schedule in UTC
                  (e.g. "0 8 * * 1" for Mondays 08:00, or @weekly); SMTP from DCR_SMTP_URL,
                  else a rehearsal into the outbox folder (nothing sent or recorded)

Examples:
  dcr serve
  dcr serve --contracts ../contracts --port 9000
  DCR_SMTP_URL=smtps://user@mail.example.com dcr serve --schedule "0 8 * * 1"`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-watch': { type: 'boolean' },
    now: { type: 'string' },
    schedule: { type: 'string' },
    cors: { type: 'string', multiple: true },
  },
  async run(ctx, values) {
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${String(values.port)}"`);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const loaded = configFor(ctx, values);
    // Parse the schedule before starting anything, so a typo fails at once.
    const { parseCron } = await import('../../stale/schedule.js');
    if (typeof values.schedule === 'string') parseCron(values.schedule);
    const { startServer } = await import('../../server/serve.js');
    const json = formatOf(values) === 'json';
    const log = (line: string) => ctx.stderr.write(`${line}\n`);
    const server = await startServer(loaded, {
      port,
      host,
      env: ctx.env,
      ...(values.now === undefined ? {} : { now: nowOf(values) }),
      watch: values['no-watch'] !== true,
      log,
      ...(Array.isArray(values.cors) ? { cors: values.cors } : {}),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new UsageError(
          `port ${port} is in use`,
          'choose another with --port, or --port 0 for any free port',
        );
      throw error;
    });
    if (json) writeJson(ctx, { url: server.url, contracts: server.state().entries.length });
    else
      ctx.stdout.write(
        `dcr catalog of ${server.state().entries.length} contracts: ${server.url}\n(Ctrl-C to stop)\n`,
      );
    const reminders =
      typeof values.schedule === 'string'
        ? await scheduleRemind(ctx, values, values.schedule, log)
        : undefined;
    if (reminders)
      log(
        `reminders scheduled (${String(values.schedule)}), next run ${reminders.next()?.toISOString() ?? 'never'}`,
      );
    await new Promise<void>((done) => {
      const stop = () => {
        reminders?.stop();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return ExitCode.Ok;
  },
};

/** Runs `dcr remind` on the schedule, with the same config and contracts as the server. */
async function scheduleRemind(ctx: CliContext, values: Values, cron: string, log: (line: string) => void) {
  const { scheduleReminders } = await import('../../stale/schedule.js');
  const { command: remind } = await import('./remind.js');
  const passed: Values = {};
  for (const key of ['config', 'contracts'] as const)
    if (values[key] !== undefined) passed[key] = values[key];
  return scheduleReminders(
    cron,
    async () => {
      log(`running scheduled reminders (${cron})`);
      const code = await remind.run(ctx, passed, []);
      log(`scheduled reminders finished with exit code ${code}`);
    },
    {
      onError: (error) =>
        log(`scheduled reminders failed: ${error instanceof Error ? error.message : String(error)}`),
    },
  );
}
