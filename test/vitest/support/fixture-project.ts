import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the `llm-cassette` package the fixture projects install. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VITEST_BIN = join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs');

export interface VitestRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, as a user sees them in the terminal. */
  output: string;
}

/**
 * A small project in a temporary folder that uses llm-cassette as a user does: its
 * `node_modules/llm-cassette` links to this package, so `llm-cassette/vitest` resolves through
 * package.json `exports` to the built `dist/` (npm test builds it before vitest runs).
 */
export class FixtureProject {
  private static readonly created: FixtureProject[] = [];

  private constructor(readonly root: string) {}

  /** Deletes every project this test file made (their node_modules are links: nothing else goes). */
  static removeAll(): void {
    for (const project of FixtureProject.created.splice(0)) {
      rmSync(project.root, { recursive: true, force: true });
    }
  }

  static create(files: Record<string, string>): FixtureProject {
    if (!existsSync(join(PACKAGE_ROOT, 'dist/vitest/index.js'))) {
      throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
    }
    const root = mkdtempSync(join(tmpdir(), 'llm-cassette-vitest-project-'));
    const modules = join(root, 'node_modules');
    mkdirSync(modules);
    symlinkSync(PACKAGE_ROOT, join(modules, 'llm-cassette'), 'dir');
    for (const name of ['vitest', 'openai', '@anthropic-ai']) {
      symlinkSync(join(PACKAGE_ROOT, 'node_modules', name), join(modules, name), 'dir');
    }
    const project = new FixtureProject(root);
    FixtureProject.created.push(project);
    project.write({ 'package.json': '{ "type": "module", "private": true }\n', ...files });
    return project;
  }

  write(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.root, path)), { recursive: true });
      writeFileSync(join(this.root, path), text);
    }
  }

  /** Every file under `dir` (default `cassettes`), relative to it, sorted. */
  files(dir = 'cassettes'): string[] {
    const base = join(this.root, dir);
    if (!existsSync(base)) return [];
    return (
      readdirSync(base, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]
    )
      .filter((entry) => entry.isFile())
      .map((entry) => relative(base, join(entry.parentPath, entry.name)).split('\\').join('/'))
      .sort();
  }

  /** `vitest run --root <project> ...args`, as a child process with its own environment. */
  run(args: string[], env: Record<string, string> = {}): Promise<VitestRun> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        // The outer vitest's own variables would make the inner one think it is a worker.
        ([key]) => !key.startsWith('VITEST') && key !== 'CI' && key !== 'LLM_CASSETTE_MODE',
      ),
    );
    const child = spawn(process.execPath, [VITEST_BIN, 'run', '--root', this.root, ...args], {
      cwd: this.root,
      env: { ...inherited, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      output += chunk;
    });
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr, output }));
    });
  }
}
