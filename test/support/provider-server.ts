import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { REAL_FIXTURES_DIR } from './fixtures.ts';

/** How the stand-in provider answers one request, built from a real recording. */
export interface ServedCase {
  /** A case of test/fixtures/real, e.g. `openai-chat-sse-usage-tool`. */
  fixture: string;
  /** Overrides the recording's status (its meta.json gives it otherwise). */
  status?: number;
  headers?: Record<string, string>;
  gzip?: boolean;
  /** Closes the connection after this many SSE events: a stream that broke off. */
  breakAfterEvents?: number;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface FixtureMeta {
  status: number;
  content_type?: string;
  stream: boolean;
}

export function loadCase(fixture: string): { meta: FixtureMeta; body: Buffer; request?: unknown } {
  const meta = JSON.parse(
    readFileSync(`${REAL_FIXTURES_DIR}${fixture}.meta.json`, 'utf8'),
  ) as FixtureMeta;
  const body = readFileSync(
    `${REAL_FIXTURES_DIR}${fixture}.response.${meta.stream ? 'sse' : 'json'}`,
  );
  let request: unknown;
  try {
    request = JSON.parse(readFileSync(`${REAL_FIXTURES_DIR}${fixture}.request.json`, 'utf8'));
  } catch {
    request = undefined;
  }
  return { meta, body, request };
}

/**
 * A provider stand-in on 127.0.0.1 that answers with the bytes of real recordings, one queued
 * case per request, SSE streams written event by event as a provider sends them.
 */
export class ProviderServer {
  readonly received: ReceivedRequest[] = [];
  connections = 0;
  private readonly queue: ServedCase[] = [];
  private server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({
          method: req.method ?? 'GET',
          url: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const served = this.queue.shift();
        if (!served) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"error":{"message":"provider stand-in: no case queued"}}');
          return;
        }
        void this.answer(served, res);
      });
    });
    this.server.on('connection', () => {
      this.connections++;
    });
  }

  static async start(): Promise<ProviderServer> {
    const instance = new ProviderServer();
    await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serve(...cases: Array<ServedCase | string>): this {
    for (const c of cases) this.queue.push(typeof c === 'string' ? { fixture: c } : c);
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(served: ServedCase, res: import('node:http').ServerResponse) {
    const { meta, body } = loadCase(served.fixture);
    const headers: Record<string, string> = {
      'content-type': meta.content_type ?? (meta.stream ? 'text/event-stream' : 'application/json'),
      ...served.headers,
    };
    if (!meta.stream) {
      const payload = served.gzip ? gzipSync(body) : body;
      if (served.gzip) headers['content-encoding'] = 'gzip';
      res.writeHead(served.status ?? meta.status, headers);
      res.end(payload);
      return;
    }
    res.writeHead(served.status ?? meta.status, headers);
    // Split after each blank line so every event goes out as its own write, as providers do.
    const events = body.toString('utf8').split(/(?<=\n\n)/);
    let sent = 0;
    for (const event of events) {
      if (served.breakAfterEvents !== undefined && sent >= served.breakAfterEvents) {
        res.socket?.destroy();
        return;
      }
      res.write(event);
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  }
}
