import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, SHIPPED_CASSETTES, tempProject } from '../support/cli-process.ts';

describe("commands given no folder use the config's cassettesDir", () => {
  it('report, validate, verify and reprice read cassettesDir from llm-cassette.config.json', async () => {
    const root = await tempProject();
    await cp(SHIPPED_CASSETTES, join(root, 'recorded'), { recursive: true });
    await writeFile(
      join(root, 'llm-cassette.config.json'),
      JSON.stringify({ cassettesDir: 'recorded' }),
    );
    const shipped = (await readdir(SHIPPED_CASSETTES)).filter((f) => f.endsWith('.json')).length;

    const report = await runCliProcess(['report', '--json'], { cwd: root });
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).cassettes).toHaveLength(shipped);

    const validate = await runCliProcess(['validate', '--json'], { cwd: root });
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout).checked).toBe(shipped);

    const verify = await runCliProcess(['verify', '--json'], { cwd: root });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toHaveLength(shipped);

    const reprice = await runCliProcess(['reprice', '--dry-run', '--json'], { cwd: root });
    expect(reprice.code).toBe(0);
    expect(JSON.parse(reprice.stdout)).toHaveLength(shipped);
  });
});
