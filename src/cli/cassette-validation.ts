import { CassetteCorruptError, CassetteVersionError } from '../cassette/errors.ts';
import type { Cassette } from '../cassette/format.ts';
import { findSecrets, SECRET_KIND_LABELS } from '../cassette/secrets.ts';
import type { LlmCassetteConfig } from '../config/config.ts';
import { cassetteExpiry } from '../config/expiry.ts';
import { findCassetteFiles, portablePath, readEach } from './cassette-files.ts';
import { storedMetadataProblems } from './metadata-bridge.ts';
import { parseCassetteText } from './parse-cassette-text.ts';
import type { Progress } from './progress.ts';
import { formatAge } from './render/units.ts';
import { mayHoldSecret } from './secret-prefilter.ts';

/** What kind of thing is wrong (the JSON keys and values are public: keep them). */
export type FindingKind =
  | 'unreadable'
  | 'syntax'
  | 'schema'
  | 'version'
  | 'secret'
  | 'metadata'
  | 'expired';

export interface Finding {
  kind: FindingKind;
  /** A JSON path (`interactions[0].response.status`), `line 3, column 7`, or '' for the file. */
  place: string;
  message: string;
}

export interface FileValidation {
  path: string;
  ok: boolean;
  /** What makes `validate` exit 1. */
  problems: Finding[];
  /** Reported, but not failures (an expired cassette under `onExpired: "warn"`). */
  warnings: Finding[];
}

export interface ValidationResult {
  dir: string;
  ok: boolean;
  checked: number;
  failed: number;
  files: FileValidation[];
}

export async function validateDir(
  dir: string,
  options: { config: LlmCassetteConfig; now?: Date; progress?: (total: number) => Progress },
): Promise<ValidationResult> {
  const now = options.now ?? new Date();
  const files = await findCassetteFiles(dir);
  const results = new Map<string, FileValidation>();
  const progress = options.progress?.(files.length);
  await readEach(files, (path, text) => {
    const shown = portablePath(path);
    results.set(
      path,
      text instanceof Error
        ? { path: shown, ok: false, problems: [unreadable(text)], warnings: [] }
        : validateCassetteText(text, shown, options.config, now),
    );
    progress?.tick(shown);
  });
  progress?.stop();
  const ordered = files.map((f) => results.get(f)!);
  const failed = ordered.filter((f) => !f.ok).length;
  return { dir, ok: failed === 0, checked: ordered.length, failed, files: ordered };
}

/** Every check on one cassette file's text: syntax, schema, version, secrets, metadata, expiry. */
export function validateCassetteText(
  text: string,
  path: string,
  config: Pick<LlmCassetteConfig, 'expiresIn' | 'onExpired'>,
  now: Date,
): FileValidation {
  const problems: Finding[] = [];
  const warnings: Finding[] = [];
  let cassette: Cassette | undefined;
  try {
    cassette = parseCassetteText(text, path);
  } catch (error) {
    if (error instanceof CassetteCorruptError) {
      for (const p of error.problems) {
        problems.push({
          kind: p.place.startsWith('line ') ? 'syntax' : 'schema',
          place: p.place,
          message: p.message,
        });
      }
    } else if (error instanceof CassetteVersionError) {
      problems.push({ kind: 'version', place: 'version', message: error.message });
    } else {
      throw error;
    }
  }
  // A file that breaks the schema may still hold a key: scan whatever JSON there is.
  const scanned = mayHoldSecret(text) ? (cassette ?? jsonOrUndefined(text)) : undefined;
  for (const secret of scanned === undefined ? [] : findSecrets(scanned)) {
    problems.push({
      kind: 'secret',
      place: secret.path,
      message: `${SECRET_KIND_LABELS[secret.kind]} ${secret.masked}${secret.inKey ? ' (in a key name)' : ''}: remove it, add a redaction rule, then run llm-cassette scrub`,
    });
  }
  if (cassette) {
    cassette.interactions.forEach((interaction, i) => {
      if (interaction.metadata === undefined) return;
      for (const p of storedMetadataProblems(interaction.metadata)) {
        const place = `interactions[${i}].metadata${p.place ? `.${p.place}` : ''}`;
        problems.push({ kind: 'metadata', place, message: p.message });
      }
    });
    const expiry = cassetteExpiry(cassette, config, now);
    if (expiry.expired) {
      const finding: Finding = {
        kind: 'expired',
        place: 'interactions[*].recorded_at',
        message:
          `recorded ${formatAge(expiry.age_ms)} ago, older than expiresIn ${config.expiresIn}` +
          (expiry.on_expired === 'rerecord'
            ? ': due for re-recording (the next run in auto mode records it afresh)'
            : ': re-record it (LLM_CASSETTE_MODE=record)'),
      };
      (expiry.on_expired === 'fail' ? problems : warnings).push(finding);
    }
  }
  return { path, ok: problems.length === 0, problems, warnings };
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function unreadable(error: Error): Finding {
  return { kind: 'unreadable', place: '', message: error.message };
}
