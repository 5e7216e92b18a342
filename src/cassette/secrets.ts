import { appendJsonPath } from './json-path.ts';

export type SecretKind = 'openai' | 'anthropic' | 'google' | 'groq' | 'xai' | 'bearer';

export const SECRET_KIND_LABELS: Readonly<Record<SecretKind, string>> = {
  openai: 'OpenAI API key',
  anthropic: 'Anthropic API key',
  google: 'Google API key',
  groq: 'Groq API key',
  xai: 'xAI API key',
  bearer: 'bearer token',
};

export interface SecretFinding {
  /** JSON path of the string holding it (`interactions[0].request.headers.authorization`). */
  path: string;
  /** True when the secret is in an object key rather than a value. */
  inKey: boolean;
  kind: SecretKind;
  /** The first few characters and the length, never the whole secret: `"sk-proj-Ab…" (164 chars)`. */
  masked: string;
}

/**
 * Key shapes, each bounded on both sides by a character that cannot be part of a key: a
 * `sk-` inside `task-…`, or an `AIza` in the middle of a base64 signature, is not a key.
 * Lengths are the shortest real keys have (OpenAI 20+ after `sk-`, Google exactly 35 after `AIza`).
 */
const BEFORE = String.raw`(?<![A-Za-z0-9_\-])`;
const AFTER = String.raw`(?![A-Za-z0-9_\-])`;
const PATTERNS: readonly { kind: SecretKind; prefix: RegExp; regex: RegExp }[] = [
  {
    kind: 'anthropic',
    prefix: /^sk-ant-/,
    regex: new RegExp(String.raw`${BEFORE}sk-ant-[A-Za-z0-9_\-]{20,}${AFTER}`, 'g'),
  },
  {
    kind: 'openai',
    prefix: /^sk-(?:proj-|svcacct-|admin-)?/,
    regex: new RegExp(
      String.raw`${BEFORE}sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}${AFTER}`,
      'g',
    ),
  },
  {
    kind: 'google',
    prefix: /^AIza/,
    regex: new RegExp(String.raw`${BEFORE}AIza[A-Za-z0-9_\-]{35}${AFTER}`, 'g'),
  },
  {
    kind: 'groq',
    prefix: /^gsk_/,
    regex: new RegExp(`${BEFORE}gsk_[A-Za-z0-9]{32,}${AFTER}`, 'g'),
  },
  {
    kind: 'xai',
    prefix: /^xai-/,
    regex: new RegExp(`${BEFORE}xai-[A-Za-z0-9]{32,}${AFTER}`, 'g'),
  },
  {
    kind: 'bearer',
    prefix: /^Bearer\s+/i,
    regex: /(?<![A-Za-z0-9])Bearer\s+[A-Za-z0-9._~+/-]{20,}=*(?![A-Za-z0-9._~+/=-])/gi,
  },
];

/** The shortest string any pattern can match; shorter strings are skipped without a regex. */
const MIN_LENGTH = 20;

/**
 * Finds key-shaped strings anywhere in a JSON-like value: object keys, header values, URLs,
 * bodies, SSE payloads. A bearer token whose token is itself a provider key is reported once,
 * as the provider's key.
 */
export function findSecrets(value: unknown): SecretFinding[] {
  const findings: SecretFinding[] = [];
  scan(value, '', findings);
  return findings;
}

function scan(value: unknown, path: string, findings: SecretFinding[]): void {
  if (typeof value === 'string') {
    scanString(value, path, false, findings);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) scan(value[i], appendJsonPath(path, i), findings);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, member] of Object.entries(value)) {
    const memberPath = appendJsonPath(path, key);
    scanString(key, memberPath, true, findings);
    scan(member, memberPath, findings);
  }
}

function scanString(text: string, path: string, inKey: boolean, findings: SecretFinding[]) {
  if (text.length < MIN_LENGTH) return;
  const taken: [number, number][] = [];
  for (const { kind, prefix, regex } of PATTERNS) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      findings.push({ path, inKey, kind, masked: mask(match[0], prefix) });
    }
  }
}

function mask(secret: string, prefix: RegExp): string {
  const prefixLength = prefix.exec(secret)?.[0].length ?? 0;
  const visible = Math.min(prefixLength + 4, Math.floor(secret.length / 3));
  return `${JSON.stringify(`${secret.slice(0, visible)}…`)} (${secret.length} chars)`;
}
