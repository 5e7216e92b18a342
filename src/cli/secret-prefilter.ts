/**
 * Every key shape `findSecrets` knows starts with one of these literal prefixes (`sk-`, `sk-ant-`,
 * `AIza`, `gsk_`, `xai-`, `Bearer`), and JSON never escapes those characters: a file whose text
 * holds none of them, and no `\u` escape that could spell one, holds no key. `validate` skips the
 * full scan of such files (most of them: recorded keys are redacted), which is most of its cost.
 * test/cli/secret-prefilter.test.ts checks this against `findSecrets` for every kind of key.
 */
const KEY_PREFIXES = /sk-|AIza|gsk_|xai-|bearer/i;

export function mayHoldSecret(jsonText: string): boolean {
  return jsonText.includes('\\u') || KEY_PREFIXES.test(jsonText);
}
