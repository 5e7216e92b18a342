import { join } from 'node:path';
import { bypass, type HttpHandler } from 'msw';
import { CassetteExpiredError, NoMatchError, UnusedInteractionsError } from '../cassette/errors.ts';
import {
  CASSETTE_VERSION,
  type Cassette,
  type Interaction,
  type JsonValue,
  type RecordedRequest,
} from '../cassette/format.ts';
import {
  createMatcher,
  type Matcher,
  type MatchOptions,
  matchOptionsForRedaction,
} from '../cassette/matching.ts';
import { combineRedactionRules, type RedactionRules } from '../cassette/redaction.ts';
import { readCassette, writeCassette } from '../cassette/store.ts';
import type { LlmCassetteConfig } from '../config/config.ts';
import { cassetteExpiry } from '../config/expiry.ts';
import { projectConfig } from '../config/project-config.ts';
import { LlmCassetteError } from '../errors.ts';
import { extractMetadata } from '../metadata/extract.ts';
import { VERSION } from '../version.ts';
import { captureRequest } from './capture-request.ts';
import { captureResponse } from './capture-response.ts';
import { deactivate } from './context.ts';
import { errorResponse } from './error-response.ts';
import { createHostFilter, type HostFilter } from './host-filter.ts';
import { type InterceptingCassette, type RequestOutcome, UPSTREAM_MARKER } from './interceptor.ts';
import type { CassetteMode } from './mode.ts';
import { cassetteHandlers } from './msw-handlers.ts';
import type { ReplayOptions } from './replay-options.ts';
import { replayResponse } from './replay-response.ts';

export interface CassetteOptions extends ReplayOptions {
  /**
   * Folder of the cassette files, relative to the working directory (default: `cassettesDir` of
   * `llm-cassette.config.json`, else `cassettes`).
   */
  dir?: string;
  /** Default: `LLM_CASSETTE_MODE`, else `replay` when `CI` is set, else `auto`. */
  mode?: CassetteMode;
  /** Which requests the cassette takes (default `'llm'`: provider hosts and LLM API paths). */
  hosts?: HostFilter;
  /** How a request finds its recording. */
  match?: MatchOptions;
  /**
   * Extra redaction rules; they extend the built-in ones and the config file's `redact`, never
   * replace them.
   */
  redact?: RedactionRules;
  /** Overrides the config file's `expiresIn` ("30d"): older cassettes are expired. */
  expiresIn?: string;
  /**
   * Overrides the config file's `onExpired`: `warn` (replay, print a warning), `fail` (the
   * cassette refuses to start), `rerecord` (in `auto` mode, record it afresh as if it were
   * missing; in `replay` mode, where the network is off limits, warn).
   */
  onExpired?: LlmCassetteConfig['onExpired'];
  /** Recorded interactions that this run never used are an error at eject. */
  strict?: boolean;
  /**
   * Take requests through the process-wide fetch interceptor (default). `false` for a cassette
   * that only serves the handlers it hands to the user's own msw server.
   */
  intercept?: boolean;
  /**
   * Where `record` and `auto` send a request that has no recording (default: the network). For
   * recording through a stand-in server or a gateway while the cassette keeps the client's URL.
   */
  upstream?: (request: Request) => Promise<Response>;
  /** The test file using the cassette, so a miss can print the command that re-records it. */
  testFile?: string;
}

/** What a cassette did, returned by `eject()`. */
export interface CassetteReport {
  name: string;
  path: string;
  mode: CassetteMode;
  replayed: number;
  recorded: number;
  /** Indices of recorded interactions that this run never used. */
  unused: number[];
  /** Requests that had no recorded match (replay mode). */
  missed: number;
  written: boolean;
  /** The cassette on disk was past its `expiresIn` (and, with `rerecord` in auto mode, re-recorded). */
  expired: boolean;
}

export interface EjectOptions {
  /**
   * Write nothing this run recorded, leaving the cassette on disk as it was: a test that failed
   * must not leave a half-recorded cassette behind. Errors are still thrown.
   */
  discard?: boolean;
}

/**
 * One use of a cassette: the recordings loaded for it, what this run replays and records, and the
 * errors to raise at eject. Each `useCassette` call gets its own, so concurrent tests never share one.
 */
export class CassetteSession implements InterceptingCassette, AsyncDisposable {
  readonly path: string;
  readonly intercepts: boolean;
  private readonly redaction: RedactionRules | undefined;
  private readonly expiryRules: Pick<LlmCassetteConfig, 'expiresIn' | 'onExpired'>;
  /** The requested mode, until an expired cassette with `onExpired: 'rerecord'` turns auto into record. */
  private currentMode: CassetteMode;
  private expired = false;
  private readonly takes: (url: URL) => boolean;
  /** The host filter's answers by URL: an SDK calls the same few URLs again and again. */
  private readonly taken = new Map<string, boolean>();
  /** New recordings in request order; a slot is reserved when the request starts. */
  private readonly fresh: Array<Interaction | undefined> = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly errors: Error[] = [];
  private replayed = 0;
  private missed = 0;
  private ejected: Promise<CassetteReport> | undefined;
  private finalReport: CassetteReport | undefined;

  private loaded: Cassette | undefined;
  private matcher: Matcher = createMatcher([], {});
  /** Resolves once the recordings are read; requests wait for it. */
  readonly ready: Promise<void>;
  /** Saves a turn of the event loop per replayed request once the recordings are in. */
  private loadedAlready = false;

  /** Synchronous, so `useCassette` can bind the session to the caller's context at once. */
  constructor(
    readonly name: string,
    mode: CassetteMode,
    private readonly options: CassetteOptions,
  ) {
    this.currentMode = mode;
    const { config } = projectConfig();
    this.path = join(options.dir ?? config.cassettesDir, `${name}.json`);
    this.redaction = combineRedactionRules(config.redact, options.redact);
    this.expiryRules = {
      onExpired: options.onExpired ?? config.onExpired,
      ...((options.expiresIn ?? config.expiresIn)
        ? { expiresIn: options.expiresIn ?? config.expiresIn }
        : {}),
    };
    this.intercepts = options.intercept ?? true;
    this.takes = createHostFilter(options.hosts);
    this.ready = this.load().then(() => {
      this.loadedAlready = true;
    });
    // Failures surface from `useCassette` (which awaits `ready`); avoid an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** `record`, `replay`, `auto` or `passthrough`: final once `ready` has resolved. */
  get mode(): CassetteMode {
    return this.currentMode;
  }

  private async load(): Promise<void> {
    if (this.mode !== 'replay' && this.mode !== 'auto') return;
    this.loaded = await readCassette(this.path);
    if (this.loaded && this.expiryRules.expiresIn !== undefined) this.applyExpiry(this.loaded);
    // Values the user's rules redact are stored as `[REDACTED]`: matching must not compare them.
    const match = matchOptionsForRedaction(this.options.match ?? {}, this.redaction);
    this.matcher = createMatcher(this.loaded?.interactions ?? [], match);
  }

  /** What the project says to do with a cassette past its `expiresIn`. */
  private applyExpiry(cassette: Cassette): void {
    const expiry = cassetteExpiry(cassette, this.expiryRules);
    if (!expiry.expired || !expiry.recorded_at || !expiry.expires_at) return;
    this.expired = true;
    if (expiry.on_expired === 'fail') {
      throw new CassetteExpiredError(
        this.path,
        expiry.recorded_at,
        expiry.expires_at,
        this.options.testFile,
      );
    }
    if (expiry.on_expired === 'rerecord' && this.mode === 'auto') {
      // As if it were missing: every request goes to the provider and the file is rewritten.
      this.currentMode = 'record';
      this.loaded = undefined;
      console.warn(
        `llm-cassette: cassette ${this.path} expired on ${expiry.expires_at}; re-recording it (onExpired: "rerecord").`,
      );
      return;
    }
    const how =
      expiry.on_expired === 'rerecord'
        ? `it is re-recorded on the next run in auto mode (this run is in ${this.mode} mode)`
        : 're-record it with LLM_CASSETTE_MODE=record';
    console.warn(
      `llm-cassette: cassette ${this.path} expired on ${expiry.expires_at} (recorded ${expiry.recorded_at}); ${how}.`,
    );
  }

  /**
   * The interactions this cassette holds so far: those read from disk (none in `record` mode),
   * then those this run recorded whose response has ended. For matchers that re-extract what the
   * recording says (`toMatchRecordedMetadata`); a recording still streaming is not in it yet.
   */
  get interactions(): Interaction[] {
    const fresh = this.fresh.filter((i): i is Interaction => i !== undefined);
    return this.mode === 'record' ? fresh : [...(this.loaded?.interactions ?? []), ...fresh];
  }

  /** What eject found, once it has finished: also there when eject threw (a miss, strict). */
  get report(): CassetteReport | undefined {
    return this.finalReport;
  }

  get isEjected(): boolean {
    return this.ejected !== undefined;
  }

  private takesUrl(url: string): boolean {
    // A user's own predicate may look beyond the URL: ask it every time.
    if (typeof this.options.hosts === 'function') return this.takes(new URL(url));
    let takes = this.taken.get(url);
    if (takes === undefined) {
      takes = this.takes(new URL(url));
      if (this.taken.size >= 1_000) this.taken.clear();
      this.taken.set(url, takes);
    }
    return takes;
  }

  async handle(request: Request): Promise<RequestOutcome> {
    if (this.ejected || this.mode === 'passthrough') return { kind: 'ignore' };
    if (!this.takesUrl(request.url)) return { kind: 'ignore' };
    const startedAt = performance.now();
    if (!this.loadedAlready) await this.ready;
    const { recorded: recordedRequest, bytes } = await captureRequest(request);

    if (this.mode !== 'record') {
      const found = this.matcher.take(recordedRequest);
      if (found.matched) {
        this.replayed++;
        const recorded = found.interaction.response;
        if (this.options.timing)
          await sleep(recorded.timing.ttfb_ms * (this.options.timing.scale ?? 1));
        return { kind: 'respond', response: replayResponse(recorded, this.options) };
      }
      if (this.mode === 'replay') {
        this.missed++;
        const error = new NoMatchError({
          cassettePath: this.path,
          request: recordedRequest,
          closest: this.matcher.closest(recordedRequest),
          mode: this.mode,
          ...(found.repeat ? { repeat: found.repeat } : {}),
          ...(this.options.testFile ? { testFile: this.options.testFile } : {}),
        });
        this.errors.push(error);
        return { kind: 'respond', response: errorResponse('no_match', error.message) };
      }
    }

    const upstreamRequest = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: bytes ?? null,
    });
    return {
      kind: 'respond',
      // A plain copy: the stored request takes its headers now, not when the cassette is written.
      response: await this.record(upstreamRequest, { ...recordedRequest }, startedAt),
    };
  }

  /**
   * Sends the request on and hands the live response straight back, while a tee of its body is
   * captured event by event in the background: the caller never waits for the recording.
   */
  private async record(
    request: Request,
    recordedRequest: RecordedRequest,
    startedAt: number,
  ): Promise<Response> {
    const slot = this.fresh.length;
    this.fresh.push(undefined);
    const recordedAt = new Date().toISOString();
    const upstreamRequest = bypass(request);
    upstreamRequest.headers.set(UPSTREAM_MARKER, '1');
    const live = await (this.options.upstream ?? networkFetch)(upstreamRequest);
    // The body arrives decoded; its transfer headers would make the client decode it again.
    const headers = new Headers(live.headers);
    for (const name of ['content-encoding', 'content-length', 'transfer-encoding']) {
      headers.delete(name);
    }
    const [forCaller, forRecording] = live.body ? live.body.tee() : [null, null];
    const init = { status: live.status, statusText: live.statusText, headers };
    const done = captureResponse(new Response(forRecording, init), startedAt).then(
      (response) => {
        this.fresh[slot] = withRecordedMetadata({
          recorded_at: recordedAt,
          request: recordedRequest,
          response,
        });
      },
      (error: unknown) => {
        this.errors.push(error instanceof Error ? error : new Error(String(error)));
      },
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
    return new Response(forCaller, init);
  }

  /**
   * Stops taking requests, waits for recordings still streaming, writes the cassette when this
   * run recorded something, and throws what went wrong (a miss, unused recordings under `strict`).
   */
  eject(options: EjectOptions = {}): Promise<CassetteReport> {
    this.ejected ??= this.finish(options.discard ?? false);
    return this.ejected;
  }

  /** This cassette as msw handlers, for a suite's own `setupServer` (use `intercept: false`). */
  handlers(): HttpHandler[] {
    return cassetteHandlers(this);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.eject();
  }

  private async finish(discard: boolean): Promise<CassetteReport> {
    deactivate(this);
    await this.ready;
    while (this.pending.size > 0) await Promise.all(this.pending);
    const fresh = this.fresh.filter((i): i is Interaction => i !== undefined);
    const interactions =
      this.mode === 'record' ? fresh : [...(this.loaded?.interactions ?? []), ...fresh];
    const written = fresh.length > 0 && !discard;
    if (written) {
      const cassette: Cassette = {
        version: CASSETTE_VERSION,
        name: this.name,
        recorded_with: `llm-cassette@${VERSION}`,
        interactions,
      };
      await writeCassette(this.path, cassette, { redaction: this.redaction });
    }
    const unused = this.mode === 'record' ? [] : this.matcher.unused();
    if (this.options.strict && unused.length > 0 && this.errors.length === 0) {
      const recorded = this.loaded?.interactions ?? [];
      this.errors.push(
        new UnusedInteractionsError(
          this.path,
          unused.map((index) => ({ index, request: recorded[index]!.request })),
        ),
      );
    }
    const report: CassetteReport = {
      name: this.name,
      path: this.path,
      mode: this.mode,
      replayed: this.replayed,
      recorded: fresh.length,
      unused,
      missed: this.missed,
      written,
      expired: this.expired,
    };
    this.finalReport = report;
    if (this.errors.length > 0) throw this.errors[0];
    return report;
  }
}

/**
 * Stores the metadata record extracted at recording time beside the interaction, so that
 * `llm-cassette verify` can show where a later extraction differs. Traffic that is not an LLM
 * API response (nothing to extract) is stored without one.
 */
function withRecordedMetadata(interaction: Interaction): Interaction {
  try {
    return { ...interaction, metadata: extractMetadata(interaction).metadata as JsonValue };
  } catch (error) {
    if (error instanceof LlmCassetteError) return interaction;
    throw error;
  }
}

const networkFetch = (request: Request) => fetch(request);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
