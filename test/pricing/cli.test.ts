import { afterEach, describe, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

function capture() {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('llm-cassette cost and model-info', () => {
  test('cost prints the breakdown as JSON', async () => {
    const io = capture();
    await runCli([
      'cost',
      '--model',
      'gpt-4o-mini',
      '--usage',
      '{"prompt_tokens":17,"completion_tokens":8,"total_tokens":25}',
    ]);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({
      model: 'gpt-4o-mini',
      prompt_cost: 0.00000255,
      completion_cost: 0.0000048,
      total_cost: 0.00000735,
      currency: 'USD',
    });
    expect(Object.keys(result.breakdown)).toContain('cache_read_cost');
  });

  test('cost with --service-tier and --batch', async () => {
    const io = capture();
    await runCli([
      'cost',
      '--model',
      'gpt-5',
      '--usage',
      '{"prompt_tokens":1000,"completion_tokens":100}',
      '--service-tier',
      'priority',
    ]);
    expect(JSON.parse(io.out()).total_cost).toBe(0.0045);
    const batch = capture();
    await runCli([
      'cost',
      '--model',
      'gpt-4o-mini',
      '--usage',
      '{"prompt_tokens":17,"completion_tokens":8}',
      '--batch',
    ]);
    expect(JSON.parse(batch.out()).total_cost).toBe(0.000003675);
  });

  test('cost of an unknown model fails with suggestions and a non-zero exit code', async () => {
    const io = capture();
    const code = await runCli([
      'cost',
      '--model',
      'gpt-4o-mni',
      '--usage',
      '{"prompt_tokens":1,"completion_tokens":1}',
    ]);
    expect(code).toBe(2); // docs/cli.md: 2 = the command could not run on this input
    expect(io.err()).toMatch(/gpt-4o-mini.*\[unknown_model\]/);
  });

  test('model-info prints the entry', async () => {
    const io = capture();
    await runCli(['model-info', 'claude-haiku-4-5']);
    expect(JSON.parse(io.out())).toMatchObject({
      key: 'claude-haiku-4-5',
      max_input_tokens: 200000,
    });
  });
});
