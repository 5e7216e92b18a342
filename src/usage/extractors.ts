import type { NormalizedUsage, ProviderApi } from './normalized.ts';

/** The fields an extractor fills; `total_tokens` is always derived as input + output. */
export type ExtractedField = Exclude<keyof NormalizedUsage, 'total_tokens'>;

/**
 * One addend of a normalized field: the value at `path` (dotted, from the usage object's root),
 * or at the first of several alternative paths that is present. Absent or `null` counts as 0
 * unless `required`.
 */
export interface UsageTerm {
  readonly path: string | readonly string[];
  readonly negate?: true;
  readonly required?: true;
}

/**
 * How to read one provider's usage object, written as data (after pydantic/genai-prices'
 * extractors) so that every provider quirk is visible in one place and one interpreter
 * (`normalizeUsage`) applies them all the same way, with errors that name the path.
 */
export interface UsageExtractor {
  readonly id: string;
  readonly api: ProviderApi;
  /** Provider hints (`{ provider }`) that select this extractor outright. */
  readonly providers: readonly string[];
  /**
   * Without a provider hint, the first extractor of the API whose signature holds is used:
   * `sum(left) <relation> sum(right)`, every path present. The API's default has none.
   */
  readonly signature?: {
    readonly left: readonly string[];
    readonly relation: 'eq' | 'gt';
    readonly right: readonly string[];
  };
  /** Each normalized field is the sum of its terms; fields not listed are 0. */
  readonly fields: Readonly<Partial<Record<ExtractedField, readonly UsageTerm[]>>>;
  /** The provider's own total, checked against input + output. */
  readonly reportedTotal?: string;
  /** Sanity rules: the parts' sum may not exceed the whole. */
  readonly checks: readonly {
    readonly parts: readonly ExtractedField[];
    readonly whole: ExtractedField;
  }[];
}

const OPENAI_STYLE_CHECKS = [
  { parts: ['cache_read_tokens', 'cache_write_tokens'], whole: 'input_tokens' },
  { parts: ['input_audio_tokens'], whole: 'input_tokens' },
  { parts: ['reasoning_tokens', 'output_audio_tokens'], whole: 'output_tokens' },
] as const;

/** Chat Completions fields every OpenAI-compatible variant shares. */
const CHAT_COMMON = {
  input_tokens: [{ path: 'prompt_tokens', required: true }],
  // DeepSeek reports its cache hits as `prompt_cache_hit_tokens` (newer responses also carry
  // `cached_tokens`, with the same value); both are parts of `prompt_tokens`.
  cache_read_tokens: [{ path: ['prompt_tokens_details.cached_tokens', 'prompt_cache_hit_tokens'] }],
  // OpenAI's newer `cache_write_tokens`, like `cached_tokens`, is a part of `prompt_tokens`.
  cache_write_tokens: [{ path: 'prompt_tokens_details.cache_write_tokens' }],
  input_audio_tokens: [{ path: 'prompt_tokens_details.audio_tokens' }],
  output_audio_tokens: [{ path: 'completion_tokens_details.audio_tokens' }],
} as const satisfies UsageExtractor['fields'];

export const USAGE_EXTRACTORS: readonly UsageExtractor[] = [
  {
    id: 'chat.completions/xai',
    api: 'chat.completions',
    providers: ['xai', 'x-ai', 'grok'],
    // xAI counts reasoning outside `completion_tokens`: total = prompt + completion + reasoning.
    signature: {
      left: ['total_tokens'],
      relation: 'eq',
      right: ['prompt_tokens', 'completion_tokens', 'completion_tokens_details.reasoning_tokens'],
    },
    fields: {
      ...CHAT_COMMON,
      output_tokens: [
        { path: 'completion_tokens', required: true },
        { path: 'completion_tokens_details.reasoning_tokens' },
      ],
      reasoning_tokens: [{ path: 'completion_tokens_details.reasoning_tokens' }],
    },
    reportedTotal: 'total_tokens',
    checks: OPENAI_STYLE_CHECKS,
  },
  {
    id: 'chat.completions/gemini',
    api: 'chat.completions',
    providers: ['gemini', 'google', 'vertex_ai', 'google-vertex'],
    // Gemini's OpenAI-compatible endpoint leaves hidden thinking tokens out of
    // `completion_tokens` and counts them only in `total_tokens` (they are billed as output).
    signature: {
      left: ['total_tokens'],
      relation: 'gt',
      right: ['prompt_tokens', 'completion_tokens'],
    },
    fields: {
      ...CHAT_COMMON,
      output_tokens: [
        { path: 'total_tokens', required: true },
        { path: 'prompt_tokens', required: true, negate: true },
      ],
      reasoning_tokens: [
        { path: 'total_tokens', required: true },
        { path: 'prompt_tokens', required: true, negate: true },
        { path: 'completion_tokens', required: true, negate: true },
      ],
    },
    reportedTotal: 'total_tokens',
    checks: OPENAI_STYLE_CHECKS,
  },
  {
    // OpenAI and the compatible providers that follow it (Azure, Groq, DeepSeek, Mistral,
    // OpenRouter, Cerebras, Together...): cached tokens inside prompt_tokens, reasoning inside
    // completion_tokens.
    id: 'chat.completions',
    api: 'chat.completions',
    providers: [],
    fields: {
      ...CHAT_COMMON,
      output_tokens: [{ path: 'completion_tokens', required: true }],
      reasoning_tokens: [{ path: 'completion_tokens_details.reasoning_tokens' }],
    },
    reportedTotal: 'total_tokens',
    checks: OPENAI_STYLE_CHECKS,
  },
  {
    id: 'responses',
    api: 'responses',
    providers: [],
    fields: {
      input_tokens: [{ path: 'input_tokens', required: true }],
      output_tokens: [{ path: 'output_tokens', required: true }],
      cache_read_tokens: [{ path: 'input_tokens_details.cached_tokens' }],
      reasoning_tokens: [{ path: 'output_tokens_details.reasoning_tokens' }],
    },
    reportedTotal: 'total_tokens',
    checks: OPENAI_STYLE_CHECKS,
  },
  {
    // Anthropic's `input_tokens` excludes cache reads and writes: add them back.
    id: 'messages',
    api: 'messages',
    providers: [],
    fields: {
      input_tokens: [
        { path: 'input_tokens', required: true },
        { path: 'cache_read_input_tokens' },
        { path: 'cache_creation_input_tokens' },
      ],
      output_tokens: [{ path: 'output_tokens', required: true }],
      cache_read_tokens: [{ path: 'cache_read_input_tokens' }],
      cache_write_tokens: [{ path: 'cache_creation_input_tokens' }],
      cache_write_5m_tokens: [{ path: 'cache_creation.ephemeral_5m_input_tokens' }],
      cache_write_1h_tokens: [{ path: 'cache_creation.ephemeral_1h_input_tokens' }],
      reasoning_tokens: [{ path: 'output_tokens_details.thinking_tokens' }],
      web_search_requests: [{ path: 'server_tool_use.web_search_requests' }],
    },
    checks: [
      { parts: ['cache_write_5m_tokens', 'cache_write_1h_tokens'], whole: 'cache_write_tokens' },
      { parts: ['reasoning_tokens'], whole: 'output_tokens' },
    ],
  },
];

/** Fields that stay absent (rather than 0) when no term of theirs is present. */
export const OPTIONAL_FIELDS: ReadonlySet<ExtractedField> = new Set([
  'cache_write_5m_tokens',
  'cache_write_1h_tokens',
]);

/**
 * Costs some providers report inside the usage object, in US dollars per unit of the value:
 * OpenRouter's `cost` (credits, 1 credit = $1) and xAI's `cost_in_usd_ticks` (1 tick = $10⁻¹⁰).
 */
export const REPORTED_COST_FIELDS: readonly {
  readonly path: string;
  readonly usdPerUnit: string;
}[] = [
  { path: 'cost', usdPerUnit: '1' },
  { path: 'cost_in_usd_ticks', usdPerUnit: '1e-10' },
];
