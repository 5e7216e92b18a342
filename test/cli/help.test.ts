import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.ts';
import { runCliProcess } from '../support/cli-process.ts';

describe('llm-cassette --help', () => {
  it.each(Object.keys(commands))('%s --help shows its usage and an example', async (name) => {
    const run = await runCliProcess([name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`USAGE llm-cassette ${name}`);
    expect(run.stdout).toMatch(new RegExp(`EXAMPLES\\n\\n {2}.*llm-cassette ${name}`));
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('lists every command at the top level; an unknown command exits 2', async () => {
    const run = await runCliProcess(['--help']);
    expect(run.code).toBe(0);
    for (const name of Object.keys(commands)) expect(run.stdout).toContain(name);
    const unknown = await runCliProcess(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('frobnicate');
  });
});
