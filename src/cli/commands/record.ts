import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { useCassette } from '../../recorder/use-cassette.ts';
import { portablePath } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';
import { startProgress } from '../progress.ts';
import { colourFor } from '../render/colour.ts';
import { loadScenario, type ScenarioCall } from '../scenario.ts';
import { apiOf, checkCallable, makeScenarioCall } from '../scenario-call.ts';

/** One call's outcome (the JSON keys are public: keep them). */
export interface RecordedCall {
  cassette: string;
  provider: string;
  api: string;
  model: string | null;
  stream: boolean;
  status: number | null;
  ok: boolean;
  error: string | null;
}

export default withExamples(
  defineCommand({
    meta: {
      name: 'record',
      description:
        'Run the calls a scenario file lists through the official SDKs and write them as cassettes.',
    },
    args: {
      scenario: { type: 'positional', required: true, description: 'The scenario JSON file' },
      dir: {
        type: 'string',
        description: "Where cassettes go (default: the scenario's dir, else cassettesDir)",
      },
      'base-url': {
        type: 'string',
        description:
          "Send every call to this base URL (a proxy, a gateway, a local server): the SDK's baseURL",
      },
      json: { type: 'boolean', description: 'Print the result as JSON' },
    },
    async run({ args }) {
      const scenario = await loadScenario(args.scenario);
      const { config } = await loadConfig();
      const dir = args.dir ?? scenario.dir ?? config.cassettesDir;
      const baseUrl = args['base-url'];
      for (const call of scenario.calls) checkCallable(call, baseUrl);

      // Calls naming one cassette go into it together, in the order the scenario lists them.
      const groups = new Map<string, ScenarioCall[]>();
      for (const call of scenario.calls) {
        groups.set(call.cassette, [...(groups.get(call.cassette) ?? []), call]);
      }
      const progress = startProgress(scenario.calls.length, 'record');
      const results: RecordedCall[] = [];
      const written: { name: string; path: string; recorded: number }[] = [];
      try {
        for (const [name, calls] of groups) {
          const cassette = await useCassette(name, { dir, mode: 'record', hosts: 'all' });
          for (const call of calls) {
            const outcome = await makeScenarioCall(call, baseUrl);
            const expected =
              call.expectStatus !== undefined && outcome.status === call.expectStatus;
            results.push({
              cassette: name,
              provider: call.provider,
              api: apiOf(call),
              model: typeof call.params.model === 'string' ? call.params.model : null,
              stream: call.stream ?? call.params.stream === true,
              status: outcome.status,
              ok: outcome.error === null ? call.expectStatus === undefined : expected,
              error: outcome.error,
            });
            progress.tick(name);
          }
          const report = await cassette.eject();
          written.push({ name, path: portablePath(report.path), recorded: report.recorded });
        }
      } finally {
        progress.stop();
      }
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) process.exitCode = EXIT.problems;
      if (args.json) {
        const out = { scenario: args.scenario, dir, cassettes: written, calls: results };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const colour = colourFor(process.stdout);
      const lines = results.map((r) => {
        const mark = r.ok ? colour.green('✓') : colour.red('✗');
        const what = `${r.cassette}: ${r.provider} ${r.api}${r.model ? ` ${r.model}` : ''}${r.stream ? ' (stream)' : ''}`;
        return `${mark} ${what} → ${r.status ?? 'no response'}${r.ok || !r.error ? '' : `: ${r.error}`}`;
      });
      for (const w of written) lines.push(`wrote ${w.path} (${w.recorded} interactions)`);
      if (failed.length > 0) lines.push(colour.red(`${failed.length} call(s) failed`));
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  }),
  [
    'OPENAI_API_KEY=sk-... llm-cassette record scenarios/explore.json',
    'llm-cassette record scenarios/explore.json --base-url http://localhost:4000/v1 --dir cassettes/litellm',
    'Scenario: {"calls":[{"cassette":"hello","provider":"openai","stream":true,"params":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}}]}',
  ],
);
