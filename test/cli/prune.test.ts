import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLastRun } from '../../src/run-log/last-run.ts';
import { runCliProcess, tempProject } from '../support/cli-process.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('llm-cassette prune', () => {
  it('removes the cassettes the last full run did not use (and only lists them with --dry-run)', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    const used = [
      'cassettes/openai-chat-json-text-2.json',
      'cassettes/anthropic-messages-sse-text-1.json',
    ];
    await writeLastRun(root, { used, complete: true });

    const dry = await runCliProcess(['prune', '--dry-run', '--json'], { cwd: root });
    expect(dry.code).toBe(0);
    const planned = JSON.parse(dry.stdout);
    expect(planned.kept).toBe(2);
    expect(planned.removed).toContain('cassettes/groq-chat-json-text.json');
    expect(planned.removed).not.toContain(used[0]);
    expect(await exists(join(root, 'cassettes/groq-chat-json-text.json'))).toBe(true);

    const run = await runCliProcess(['prune'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('- cassettes/groq-chat-json-text.json');
    expect(run.stdout).toContain(`removed ${planned.removed.length} unused cassette(s), kept 2`);
    expect(await exists(join(root, 'cassettes/groq-chat-json-text.json'))).toBe(false);
    for (const path of used) expect(await exists(join(root, path))).toBe(true);
  });

  it('refuses a partial run, a run that used nothing in the folder, or no run record (exit 2)', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    const none = await runCliProcess(['prune'], { cwd: root });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No record of a test run at .llm-cassette/last-run.json');

    await writeLastRun(root, { used: ['cassettes/openai-chat-json-text-2.json'], complete: false });
    const partial = await runCliProcess(['prune'], { cwd: root });
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('partial run');

    await writeLastRun(root, { used: ['elsewhere/a.json'], complete: true });
    const elsewhere = await runCliProcess(['prune'], { cwd: root });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain('used none of the');
    expect(await exists(join(root, 'cassettes/openai-chat-json-text-2.json'))).toBe(true);

    await writeFile(join(root, '.llm-cassette/last-run.json'), '{"version":1}');
    const invalid = await runCliProcess(['prune'], { cwd: root });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('not a valid last-run record');
  });
});
