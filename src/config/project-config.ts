import { resolve } from 'node:path';
import { type LoadedConfig, loadConfigSync } from './config.ts';

const byFolder = new Map<string, LoadedConfig>();

/**
 * The config in force for a folder (default: the working folder), read once per process: every
 * cassette a test suite starts consults it, and a suite does not edit its own config mid-run.
 */
export function projectConfig(from: string = process.cwd()): LoadedConfig {
  const folder = resolve(from);
  let loaded = byFolder.get(folder);
  if (!loaded) {
    loaded = loadConfigSync({ from: folder });
    byFolder.set(folder, loaded);
  }
  return loaded;
}
