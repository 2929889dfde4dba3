import { ExitCode, UsageError } from '../../errors.js';
import type { Command } from '../command.js';
import { configFor, formatOf, writeJson } from '../shared.js';
import { nowOf } from './site.js';

export const command: Command = {
  help: `Usage: dcr serve [options]

Builds the catalog, serves it, and rebuilds it when a contract file changes. Also answers a
read-only JSON API:
  GET /api/contracts            filters: owner, table, status, stale=true|false
  GET /api/contracts/:jobid     one contract, with freshness and last change
  GET /api/tables/:table        which jobs read a table, and whom to contact
  GET /api/search?q=TEXT        the catalog's search (limit=1..200)
  GET /healthz                  liveness
Stop it with Ctrl-C.

Options:
  --port N        port to listen on (default 8080; 0 picks a free one)
  --host ADDR     address to bind (default 127.0.0.1, loopback only; 0.0.0.0 exposes it)
  --no-watch      do not rebuild on change
  --now ISO-DATE  the clock for freshness badges (default: now)

Examples:
  dcr serve
  dcr serve --contracts ../contracts --port 9000`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-watch': { type: 'boolean' },
    now: { type: 'string' },
  },
  async run(ctx, values) {
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be a number from 0 to 65535, not "${String(values.port)}"`);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const loaded = configFor(ctx, values);
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
    await new Promise<void>((done) => {
      const stop = () => {
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
