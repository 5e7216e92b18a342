import { describe, expect, it } from 'vitest';
import { diffJson, renderJsonDiff } from '../../src/cassette/json-diff.ts';

describe('diffJson', () => {
  it('names each differing leaf by its JSON path', () => {
    const recorded = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'user', content: 'Hi' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather' } }],
    };
    const requested = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'user', content: 'Hello' },
      ],
      tools: [{ type: 'function', function: { name: 'get_time' } }],
    };
    expect(diffJson(recorded, requested)).toEqual([
      { path: 'model', recorded: 'gpt-4o-mini', requested: 'gpt-4o' },
      { path: 'messages[2].content', recorded: 'Hi', requested: 'Hello' },
      { path: 'tools[0].function.name', recorded: 'get_weather', requested: 'get_time' },
    ]);
  });

  it('reports missing members and items as undefined', () => {
    expect(diffJson({ a: 1, list: [1] }, { list: [1, 2], b: true })).toEqual([
      { path: 'a', recorded: 1, requested: undefined },
      { path: 'list[1]', recorded: undefined, requested: 2 },
      { path: 'b', recorded: undefined, requested: true },
    ]);
  });

  it('quotes keys that are not identifiers and uses the empty path for the root', () => {
    expect(diffJson({ 'x-id': 'a' }, { 'x-id': 'b' })[0]!.path).toBe('["x-id"]');
    expect(diffJson('a', 'b')).toEqual([{ path: '', recorded: 'a', requested: 'b' }]);
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('compares a type change as one leaf', () => {
    expect(diffJson({ content: 'text' }, { content: [{ type: 'text', text: 'text' }] })).toEqual([
      { path: 'content', recorded: 'text', requested: [{ type: 'text', text: 'text' }] },
    ]);
  });
});

describe('renderJsonDiff', () => {
  it('writes recorded → requested, cuts long values and counts what it leaves out', () => {
    const text = renderJsonDiff(
      [
        { path: 'messages[2].content', recorded: 'Hi', requested: 'Hello' },
        { path: 'system', recorded: 'x'.repeat(500), requested: undefined },
        { path: 'a', recorded: 1, requested: 2 },
        { path: 'b', recorded: 1, requested: 2 },
      ],
      { maxEntries: 2, maxValueChars: 40 },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('messages[2].content: recorded "Hi" → requested "Hello"');
    expect(lines[1]).toMatch(/^system: recorded "x+… → requested \(absent\)$/);
    expect(lines[1]!.length).toBeLessThan(100);
    expect(lines[2]).toBe('… and 2 more differences');
  });
});
