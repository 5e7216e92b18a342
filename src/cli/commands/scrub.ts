import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { SecretInCassetteError } from '../../cassette/errors.ts';
import type { Cassette, JsonValue } from '../../cassette/format.ts';
import { diffJson } from '../../cassette/json-diff.ts';
import { type RedactionRules, redactInteraction } from '../../cassette/redaction.ts';
import { findSecrets } from '../../cassette/secrets.ts';
import { parseCassette, writeCassette } from '../../cassette/store.ts';
import { loadConfig } from '../../config/config.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { findCassetteFiles, portablePath } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';
import { startProgress } from '../progress.ts';
import { colourFor } from '../render/colour.ts';

/** One file's outcome (the JSON keys are public: keep them). */
export interface ScrubbedFile {
  path: string;
  changed: boolean;
  /** JSON paths whose values today's rules redact and the file still held. */
  redacted: string[];
  /** Why the file could not be scrubbed (corrupt, or a key-shaped secret no rule covers). */
  error: string | null;
}

/** Applies today's redaction rules to one cassette; writes it back unless `dryRun`. */
export async function scrubCassette(
  path: string,
  rules: RedactionRules | undefined,
  dryRun: boolean,
): Promise<ScrubbedFile> {
  const shown = portablePath(path);
  let cassette: Cassette;
  try {
    cassette = parseCassette(await readFile(path, 'utf8'), shown);
  } catch (error) {
    return { path: shown, changed: false, redacted: [], error: (error as Error).message };
  }
  const scrubbed: Cassette = {
    ...cassette,
    interactions: cassette.interactions.map((i) => redactInteraction(i, rules)),
  };
  const redacted = diffJson(cassette as unknown as JsonValue, scrubbed as unknown as JsonValue).map(
    (d) => d.path,
  );
  // A key no rule covers stays a key: the cassette is left alone and the file reported.
  const secrets = findSecrets(scrubbed);
  if (secrets.length > 0) {
    const error = new SecretInCassetteError(shown, secrets).message;
    return { path: shown, changed: false, redacted, error };
  }
  if (!dryRun && redacted.length > 0) await writeCassette(path, scrubbed, { redaction: rules });
  return { path: shown, changed: redacted.length > 0, redacted, error: null };
}

export default withExamples(
  defineCommand({
    meta: {
      name: 'scrub',
      description:
        "Re-apply today's redaction rules (built-in and the config's `redact`) to every cassette on disk.",
    },
    args: {
      dir: cassetteDirArg,
      'dry-run': { type: 'boolean', description: 'Report what would change; write nothing' },
      json: { type: 'boolean', description: 'Print the result as JSON' },
    },
    async run({ args }) {
      const { config } = await loadConfig();
      const dir = args.dir ?? config.cassettesDir;
      const dryRun = args['dry-run'] === true;
      const files = await findCassetteFiles(dir);
      const progress = startProgress(files.length, 'scrub');
      const results: ScrubbedFile[] = [];
      for (const file of files) {
        results.push(await scrubCassette(file, config.redact, dryRun));
        progress.tick(portablePath(file));
      }
      progress.stop();
      const failed = results.filter((r) => r.error !== null);
      const changed = results.filter((r) => r.changed);
      if (failed.length > 0) process.exitCode = EXIT.problems;
      if (args.json) {
        const out = {
          dir,
          dry_run: dryRun,
          checked: results.length,
          changed: changed.length,
          failed: failed.length,
          files: results,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const colour = colourFor(process.stdout);
      const verb = dryRun ? 'would redact' : 'redacted';
      const lines: string[] = [];
      for (const r of results) {
        if (r.changed) {
          lines.push(`${colour.yellow('~')} ${r.path}: ${verb} ${r.redacted.length} value(s)`);
          for (const place of r.redacted.slice(0, 10)) lines.push(`    ${place}`);
          if (r.redacted.length > 10) lines.push(`    … and ${r.redacted.length - 10} more`);
        }
        if (r.error !== null) lines.push(`${colour.red('✗')} ${r.path}: ${r.error}`);
      }
      lines.push(
        `${changed.length} of ${results.length} cassettes ${dryRun ? 'would change' : 'changed'}` +
          (failed.length > 0 ? colour.red(`, ${failed.length} could not be scrubbed`) : ''),
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  }),
  [
    'llm-cassette scrub cassettes',
    'llm-cassette scrub --dry-run --json',
    'echo \'{"redact":{"headers":["x-user-id"]}}\' > llm-cassette.config.json && llm-cassette scrub',
  ],
);
