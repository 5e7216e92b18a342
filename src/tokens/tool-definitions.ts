/**
 * Tool definitions in the TypeScript-like form OpenAI renders them in the prompt, as LiteLLM's
 * `_format_function_definitions` writes them (after jtokkit's TikTokenUtils), so the count matches.
 */
type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function formatFunctionDefinitions(tools: readonly unknown[]): string {
  const lines = ['namespace functions {', ''];
  for (const tool of tools) {
    if (!isRecord(tool)) continue;
    for (const fn of functionsOf(tool)) lines.push(...formatFunction(fn));
  }
  lines.push('} // namespace functions');
  return lines.join('\n');
}

function functionsOf(tool: Json): Json[] {
  if (isRecord(tool.function)) return [tool.function];
  const declarations = tool.function_declarations ?? tool.functionDeclarations;
  if (Array.isArray(declarations)) return declarations.filter(isRecord);
  const parameters = tool.input_schema ?? tool.parameters;
  return [
    {
      name: tool.name,
      description: tool.description,
      parameters: isRecord(parameters) ? parameters : {},
    },
  ];
}

function formatFunction(fn: Json): string[] {
  if (!fn.name) return [];
  const description = fn.description ? [`// ${String(fn.description)}`] : [];
  const parameters = isRecord(fn.parameters) ? fn.parameters : {};
  if (isRecord(parameters.properties) && Object.keys(parameters.properties).length > 0) {
    return [
      ...description,
      `type ${String(fn.name)} = (_: {`,
      formatObject(parameters, 0),
      '}) => any;',
      '',
    ];
  }
  return [...description, `type ${String(fn.name)} = () => any;`, ''];
}

function formatObject(parameters: Json, indent: number): string {
  const properties = parameters.properties;
  if (!isRecord(properties) || Object.keys(properties).length === 0) return '';
  const required = Array.isArray(parameters.required) ? parameters.required : [];
  const lines: string[] = [];
  for (const [key, props] of Object.entries(properties)) {
    const schema = isRecord(props) ? props : {};
    if (schema.description) lines.push(`// ${String(schema.description)}`);
    const question = required.length && required.includes(key) ? '' : '?';
    lines.push(`${key}${question}: ${formatType(schema, indent)},`);
  }
  return lines.map((line) => ' '.repeat(Math.max(0, indent)) + line).join('\n');
}

function formatType(props: Json, indent: number): string {
  const enumValues = Array.isArray(props.enum) ? props.enum : undefined;
  switch (props.type) {
    case 'string':
      return enumValues ? enumValues.map((item) => `"${String(item)}"`).join(' | ') : 'string';
    case 'array':
      return `${formatType(isRecord(props.items) ? props.items : {}, indent)}[]`;
    case 'object':
      return `{\n${formatObject(props, indent + 2)}\n}`;
    case 'integer':
    case 'number':
      return enumValues ? enumValues.map((item) => `"${String(item)}"`).join(' | ') : 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    default:
      return 'any';
  }
}
