/**
 * Which requests a cassette takes. Everything else (a database's HTTP API, another service the
 * test talks to) goes on untouched.
 * - `'llm'` (default): the known provider hosts, plus any host whose path is an LLM API
 *   endpoint (so a proxy or a `baseURL` on loopback is taken too);
 * - `'all'`: every HTTP request;
 * - a list of hosts (`'api.openai.com'`, `'127.0.0.1:8080'`) or RegExps tested against the URL;
 * - a predicate on the URL.
 */
export type HostFilter = 'llm' | 'all' | ReadonlyArray<string | RegExp> | ((url: URL) => boolean);

const PROVIDER_HOSTS = [
  /(^|\.)api\.openai\.com$/,
  /(^|\.)api\.anthropic\.com$/,
  /\.openai\.azure\.com$/,
  /(^|\.)api\.groq\.com$/,
  /(^|\.)api\.deepseek\.com$/,
  /(^|\.)api\.mistral\.ai$/,
  /(^|\.)openrouter\.ai$/,
  /(^|\.)generativelanguage\.googleapis\.com$/,
  /(^|\.)api\.x\.ai$/,
  /(^|\.)api\.cerebras\.ai$/,
  /(^|\.)api\.together\.xyz$/,
];

const LLM_PATHS =
  /\/(chat\/completions|completions|responses|messages|embeddings|audio\/[a-z]+|images\/[a-z]+|moderations|messages\/count_tokens)(\/[^/]*)?$/;

export function createHostFilter(filter: HostFilter = 'llm'): (url: URL) => boolean {
  if (filter === 'all') return () => true;
  if (filter === 'llm') {
    return (url) =>
      PROVIDER_HOSTS.some((host) => host.test(url.hostname)) || LLM_PATHS.test(url.pathname);
  }
  if (typeof filter === 'function') return filter;
  const rules = filter.map((rule) =>
    typeof rule === 'string'
      ? (url: URL) => url.host === rule || url.hostname === rule
      : (url: URL) => rule.test(url.href),
  );
  return (url) => rules.some((rule) => rule(url));
}
