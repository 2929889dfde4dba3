import { parseArgs } from 'node:util';
import { DcrError, ExitCode, UsageError } from '../errors.js';
import { suggest } from '../util/suggest.js';
import { COMMON_HELP, COMMON_OPTIONS, type Values } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext } from './context.js';
import { colorsFor } from './output/color.js';
import { VERSION } from '../version.js';
import { trace } from '../util/trace.js';

const USAGE = () => `dcr ${VERSION}: data-contract registry and Git hook toolkit

Usage: dcr <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run \`dcr <command> --help\` for a command's options.
Docs: the README, "CLI" section. Exit codes: 0 ok, 1 findings, 2 usage or operational error.
`;

/** Runs the CLI and returns the exit code. Never throws; never calls process.exit. */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  trace('cli: modules loaded');
  const debug = argv.includes('--debug') || ctx.env.DCR_DEBUG === '1';
  const context = { ...ctx, debug };
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      if (topic) return await main([topic, '--help'], ctx);
      ctx.stdout.write(USAGE());
      return name === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (name === '--version' || name === '-v') {
      ctx.stdout.write(`${VERSION}\n`);
      return ExitCode.Ok;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
      const guess = suggest(name, Object.keys(COMMANDS));
      throw new UsageError(
        `unknown command "${name}"${guess ? `; did you mean "${guess}"?` : ''}`,
        'run `dcr --help` to list the commands',
      );
    }
    const command = await entry.load();
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...COMMON_OPTIONS, ...command.options },
        allowPositionals: command.positionals ?? false,
        strict: true,
      }) as { values: Values; positionals: string[] };
    } catch (error) {
      const text = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
      const unknown = /Unknown option '--([^']+)'/.exec(text)?.[1];
      const guess = unknown
        ? suggest(unknown, Object.keys({ ...COMMON_OPTIONS, ...command.options }))
        : undefined;
      throw new UsageError(
        guess ? `${text}; did you mean --${guess}?` : text,
        `run \`dcr ${name} --help\` for the options`,
      );
    }
    if (parsed.values.help) {
      ctx.stdout.write(`${command.help.trimEnd()}\n\n${COMMON_HELP}\n`);
      return ExitCode.Ok;
    }
    const format = parsed.values.format;
    if (format !== undefined && format !== 'text' && format !== 'json' && format !== 'github') {
      throw new UsageError(`--format must be text, json or github, not "${String(format)}"`);
    }
    return await command.run(context, parsed.values, parsed.positionals);
  } catch (error) {
    return reportError(error, context);
  }
}

function reportError(error: unknown, ctx: CliContext): number {
  const c = colorsFor(ctx.stderr, ctx.env);
  if (error instanceof DcrError) {
    ctx.stderr.write(`${c.red('dcr: error:')} ${error.message}\n`);
    if (error.hint) ctx.stderr.write(`${c.cyan('hint:')} ${error.hint}\n`);
    if (ctx.debug && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`${c.red('dcr: unexpected error:')} ${message}\n`);
  if (ctx.debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  else
    ctx.stderr.write(`${c.cyan('hint:')} run again with --debug for details, and report it if it persists\n`);
  return ExitCode.Usage;
}
