import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real git repository in a temporary folder, with a pinned identity and no signing. */
export class TempRepo {
  readonly dir: string;

  constructor(prefix = 'dcr-test-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test User');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('config', 'core.autocrlf', 'false');
  }

  /** Runs git in the repository and returns stdout; throws with stderr on failure. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Runs git and returns exit code and output instead of throwing (for hooks that may refuse). */
  tryGit(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; output: string } {
    try {
      const output = execFileSync('git', args, {
        cwd: this.dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      });
      return { code: 0, output };
    } catch (error) {
      const e = error as { status?: number; stdout?: string; stderr?: string };
      return { code: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }

  write(path: string, content: string | Uint8Array): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
