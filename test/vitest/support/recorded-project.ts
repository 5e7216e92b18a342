import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CassetteRunSummary } from '../../../src/vitest/run-summary.ts';
import { ProviderServer } from '../../support/provider-server.ts';
import { CHAT_PROJECT, SERVED_CASE } from './chat-project.ts';
import { FixtureProject, type VitestRun } from './fixture-project.ts';

/** The fixture project's summary file (the reporter's `outputFile`). */
export function readSummary(project: FixtureProject): CassetteRunSummary {
  return JSON.parse(
    readFileSync(join(project.root, 'cassette-summary.json'), 'utf8'),
  ) as CassetteRunSummary;
}

/**
 * Runs `vitest` in record mode on the chat project with the stand-in provider serving the real
 * recording, as a user records against the provider.
 */
export async function recordChatProject(
  project = FixtureProject.create(CHAT_PROJECT),
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ project: FixtureProject; run: VitestRun }> {
  const server = await ProviderServer.start();
  server.serve(...Array.from({ length: 10 }, () => SERVED_CASE));
  try {
    const run = await project.run(args, {
      LLM_CASSETTE_MODE: 'record',
      STANDIN_ORIGIN: server.origin,
      ...env,
    });
    return { project, run };
  } finally {
    await server.stop();
  }
}

/** A fresh chat project holding a copy of `from`'s cassettes. */
export function copyOfProject(from: FixtureProject): FixtureProject {
  const project = FixtureProject.create(CHAT_PROJECT);
  cpSync(join(from.root, 'cassettes'), join(project.root, 'cassettes'), { recursive: true });
  return project;
}
