import { LlmCassetteError } from '../errors.ts';
import type { RecordedRequest } from './format.ts';
import { renderJsonDiff } from './json-diff.ts';
import { summarizeJson, truncate } from './json-preview.ts';
import type { ClosestMatch } from './matching.ts';
import { SECRET_KIND_LABELS, type SecretFinding } from './secrets.ts';

/** How to re-record, with the test command when the caller knows it. */
function rerecordCommand(testFile?: string): string {
  return testFile
    ? `LLM_CASSETTE_MODE=record npx vitest run ${testFile}`
    : 'LLM_CASSETTE_MODE=record <your test command>   (e.g. LLM_CASSETTE_MODE=record npx vitest run <test file>)';
}

export interface NoMatchDetails {
  /** The cassette file, as the user named it. */
  cassettePath: string;
  request: RecordedRequest;
  /** From `matcher.closest(request)`. */
  closest: readonly ClosestMatch[];
  /** From a miss's `repeat`: the request was recorded, but fewer times than it was made. */
  repeat?: { recorded: number; requested: number };
  /** The mode that refused to go to the network, shown in the message. */
  mode?: string;
  /** The test file, to print a ready-to-run re-record command. */
  testFile?: string;
}

/** Replay found no recorded interaction for a request. */
export class NoMatchError extends LlmCassetteError {
  readonly code = 'no_match';
  readonly cassettePath: string;
  readonly request: RecordedRequest;
  readonly closest: readonly ClosestMatch[];
  readonly repeat: { recorded: number; requested: number } | undefined;

  constructor(details: NoMatchDetails) {
    super(formatNoMatch(details));
    this.cassettePath = details.cassettePath;
    this.request = details.request;
    this.closest = details.closest;
    this.repeat = details.repeat;
  }
}

function formatNoMatch(details: NoMatchDetails): string {
  const { cassettePath, request, closest, repeat, mode } = details;
  const lines = [
    `No recorded interaction in cassette ${cassettePath} matches this request${mode ? ` (mode: ${mode})` : ''}:`,
    `  ${describeRequest(request)}`,
  ];
  if (request.body !== undefined) lines.push(`  body: ${summarizeJson(request.body)}`);
  if (repeat) {
    lines.push(
      `This exact request was recorded ${times(repeat.recorded)}, and requested ${times(repeat.requested)}: ` +
        'each recording replays once, in order.',
    );
  } else if (closest.length === 0) {
    lines.push('The cassette holds no interactions.');
  } else {
    lines.push(`Closest recorded request${closest.length === 1 ? '' : 's'}:`);
    for (const candidate of closest) {
      lines.push(
        `  #${candidate.index} ${describeRequest(candidate.request)}${candidate.used ? ' (already replayed)' : ''}`,
      );
      lines.push(
        candidate.differences.length === 0
          ? '    identical to this request'
          : renderJsonDiff(candidate.differences, { indent: '    ', rootLabel: 'body' }),
      );
    }
  }
  lines.push(
    'If the request changed on purpose, re-record the cassette by running the test again with ' +
      'LLM_CASSETTE_MODE=record (or LLM_CASSETTE_MODE=auto to record only what is missing):',
    `  ${rerecordCommand(details.testFile)}`,
  );
  return lines.join('\n');
}

function describeRequest(request: RecordedRequest): string {
  return `${request.method.toUpperCase()} ${truncate(request.url, 200)}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** One thing wrong in a cassette file, and where. */
export interface CassetteProblem {
  /** `line 3, column 7` for a syntax error; a JSON path (`interactions[0].response.status`). */
  place: string;
  message: string;
}

/** A cassette file that is not valid JSON or does not follow the cassette schema. */
export class CassetteCorruptError extends LlmCassetteError {
  readonly code = 'cassette_corrupt';

  constructor(
    readonly cassettePath: string,
    readonly problems: readonly CassetteProblem[],
    options?: { cause?: unknown; writing?: boolean },
  ) {
    const head = options?.writing
      ? `Refusing to write cassette ${cassettePath}: it does not follow the cassette schema`
      : `Cassette ${cassettePath} is corrupt`;
    const list = problems.map((p) => `  ${p.place || '(root)'}: ${p.message}`).join('\n');
    const next = options?.writing
      ? 'This is a bug in the code that built the cassette; please report it.'
      : 'Fix the file by hand (it is plain JSON), restore it from version control, or delete it and ' +
        're-record it with LLM_CASSETTE_MODE=record.';
    super(
      `${head} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${list}\n${next}`,
      options,
    );
  }
}

/** A cassette written in a format version this release does not read. */
export class CassetteVersionError extends LlmCassetteError {
  readonly code = 'cassette_version';

  constructor(
    readonly cassettePath: string,
    readonly found: unknown,
    readonly supported: number,
  ) {
    const newer = typeof found === 'number' && found > supported;
    super(
      `Cassette ${cassettePath} has format version ${JSON.stringify(found)}; this llm-cassette reads version ${supported}. ` +
        (newer
          ? 'It was written by a newer llm-cassette: upgrade (npm install -D llm-cassette@latest).'
          : 'Re-record it with LLM_CASSETTE_MODE=record, or read it with the llm-cassette release that wrote it.'),
    );
  }
}

/** A write was refused because the cassette would contain something shaped like a key. */
export class SecretInCassetteError extends LlmCassetteError {
  readonly code = 'secret_in_cassette';

  constructor(
    readonly cassettePath: string,
    readonly findings: readonly SecretFinding[],
  ) {
    const list = findings
      .slice(0, 20)
      .map(
        (f) =>
          `  ${f.path || '(root)'}${f.inKey ? ' (a key name)' : ''}: ${SECRET_KIND_LABELS[f.kind]} ${f.masked}`,
      );
    if (findings.length > 20) list.push(`  … and ${findings.length - 20} more`);
    super(
      `Refusing to write cassette ${cassettePath}: it would contain ${findings.length} key-shaped ` +
        `secret${findings.length === 1 ? '' : 's'}:\n${list.join('\n')}\n` +
        'Nothing was written. Keep the key out of the request, or add a redaction rule for it ' +
        '(redaction `headers`, `queryParams`, `bodyPaths` such as "messages[*].content", or a `redact` hook).',
    );
  }
}

/** `strict`: a replay ended with recorded interactions that no request used. */
export class UnusedInteractionsError extends LlmCassetteError {
  readonly code = 'unused_interactions';

  constructor(
    readonly cassettePath: string,
    readonly unused: readonly { index: number; request: RecordedRequest }[],
  ) {
    const list = unused.slice(0, 20).map((u) => `  #${u.index} ${describeRequest(u.request)}`);
    if (unused.length > 20) list.push(`  … and ${unused.length - 20} more`);
    super(
      `Cassette ${cassettePath} has ${unused.length} recorded interaction${unused.length === 1 ? '' : 's'} ` +
        `that this run never requested (strict mode):\n${list.join('\n')}\n` +
        'The code under test no longer makes these requests: re-record the cassette with ' +
        'LLM_CASSETTE_MODE=record to drop them, or turn off `strict`.',
    );
  }
}

/** A cassette older than the project's `expiresIn`, with `onExpired: 'fail'`. */
export class CassetteExpiredError extends LlmCassetteError {
  readonly code = 'cassette_expired';
  constructor(
    readonly cassettePath: string,
    readonly recordedAt: string,
    readonly expiresAt: string,
    testFile?: string,
  ) {
    super(
      `Cassette ${cassettePath} expired on ${expiresAt} (recorded ${recordedAt}; the config's ` +
        'expiresIn with onExpired: "fail"). Re-record it against the provider:\n' +
        `  ${rerecordCommand(testFile)}\n` +
        'or set onExpired to "warn" or "rerecord" in llm-cassette.config.json.',
    );
  }
}
