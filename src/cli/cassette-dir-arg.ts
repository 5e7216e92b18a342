/** The `[DIR]` argument of the commands that work over a folder of cassettes. */
export const cassetteDirArg = {
  type: 'positional',
  required: false,
  description: 'Folder of cassettes (default: cassettesDir from the config, or cassettes)',
} as const;
