/** Where a JSON text stops being JSON: 1-based line and column, and what was expected. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/**
 * Finds the first syntax error in `text`, or returns undefined when it is valid JSON. V8's
 * `JSON.parse` messages give a position only for some errors, so a cassette's "line:column"
 * comes from this small validating scanner instead (run only after `JSON.parse` has failed).
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const problem = (message: string, at = i): JsonSyntaxProblem => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: at, line, column, message };
  };
  const found = (): string => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  class Stop {
    constructor(readonly problem: JsonSyntaxProblem) {}
  }
  const fail = (expected: string): never => {
    throw new Stop(problem(`expected ${expected}, found ${found()}`));
  };

  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        skipSpace();
        if (text[i] !== ':') fail('":" after the property name');
        i++;
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('"," or "}"');
      }
    }
    if (char === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('"," or "]"');
      }
    }
    if (char === '"') {
      string();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      i += number[0].length;
      return;
    }
    fail('a value');
  };

  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else {
          i++;
          fail('a valid escape sequence');
        }
        continue;
      }
      if (char < ' ') fail('no raw control character inside a string (write it escaped)');
      i++;
    }
    fail('the closing quote of a string');
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail('end of file after the JSON value');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
}
