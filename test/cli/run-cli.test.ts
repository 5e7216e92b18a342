import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

describe('runCli (in-process)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns the exit code and leaves the process’s own exit code alone', async () => {
    const { out } = capture();
    expect(await runCli(['validate', 'cassettes', '--json'])).toBe(0);
    expect(JSON.parse(out.join('')).ok).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it('exits 2 with the message of a typed error, and for a missing argument', async () => {
    const { err } = capture();
    expect(await runCli(['inspect', 'cassettes/none.json'])).toBe(2);
    expect(err.join('')).toContain('No cassette file at cassettes/none.json');
    expect(await runCli(['inspect'])).toBe(2);
    expect(process.exitCode).toBeUndefined();
  });

  it('prints the version', async () => {
    const { out } = capture();
    expect(await runCli(['--version'])).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
