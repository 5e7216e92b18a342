import { describe, expect, it } from 'vitest';
import {
  formatJsonPath,
  InvalidJsonPathError,
  mapAtPaths,
  parseJsonPathPattern,
  REMOVE,
} from '../../src/cassette/json-path.ts';

describe('formatJsonPath', () => {
  it('writes paths the way they read in a request body', () => {
    expect(formatJsonPath(['messages', 2, 'content'])).toBe('messages[2].content');
    expect(formatJsonPath(['tools', 0, 'function', 'name'])).toBe('tools[0].function.name');
    expect(formatJsonPath(['headers', 'x-api-key'])).toBe('headers["x-api-key"]');
    expect(formatJsonPath([])).toBe('');
  });
});

describe('parseJsonPathPattern', () => {
  it('reads dotted keys, indices, [*], * and quoted keys', () => {
    expect(parseJsonPathPattern('messages[*].cache_control')).toEqual([
      { kind: 'key', key: 'messages' },
      { kind: 'anyIndex' },
      { kind: 'key', key: 'cache_control' },
    ]);
    expect(parseJsonPathPattern('tools[0].function.name')).toEqual([
      { kind: 'key', key: 'tools' },
      { kind: 'index', index: 0 },
      { kind: 'key', key: 'function' },
      { kind: 'key', key: 'name' },
    ]);
    expect(parseJsonPathPattern('metadata.*')).toEqual([
      { kind: 'key', key: 'metadata' },
      { kind: 'anyKey' },
    ]);
    expect(parseJsonPathPattern('extra["odd.key"].user-id')).toEqual([
      { kind: 'key', key: 'extra' },
      { kind: 'key', key: 'odd.key' },
      { kind: 'key', key: 'user-id' },
    ]);
  });

  it('rejects malformed paths with an error that shows the expected form', () => {
    for (const bad of ['', 'a..b', 'a.', 'a[', 'a[x]', 'a[-1]', '.a']) {
      expect(() => parseJsonPathPattern(bad), bad).toThrow(InvalidJsonPathError);
    }
    expect(() => parseJsonPathPattern('a[x]')).toThrow(/messages\[\*\]\.cache_control/);
  });
});

describe('mapAtPaths', () => {
  const body = {
    metadata: { user_id: 'u', team: 't' },
    messages: [
      { role: 'user', content: 'a', cache_control: { type: 'ephemeral' } },
      { role: 'user', content: 'b' },
    ],
  };

  it('removes or replaces what the patterns reach, without mutating the input', () => {
    const removed = mapAtPaths(
      body,
      ['metadata.user_id', 'messages[*].cache_control'].map(parseJsonPathPattern),
      () => REMOVE,
    );
    expect(removed).toEqual({
      metadata: { team: 't' },
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
    });
    expect(body.metadata.user_id).toBe('u');
    expect(body.messages[0]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(mapAtPaths(body, [parseJsonPathPattern('messages[1].content')], () => 'x')).toEqual({
      ...body,
      messages: [body.messages[0], { role: 'user', content: 'x' }],
    });
  });

  it('returns the same reference when nothing was reached', () => {
    expect(mapAtPaths(body, [parseJsonPathPattern('absent[*].field')], () => REMOVE)).toBe(body);
    expect(mapAtPaths(body, [parseJsonPathPattern('messages.role')], () => REMOVE)).toBe(body);
    expect(mapAtPaths('text', [parseJsonPathPattern('a')], () => REMOVE)).toBe('text');
  });

  it('drops removed array items', () => {
    expect(
      mapAtPaths({ list: [1, 2, 3] }, [parseJsonPathPattern('list[1]')], () => REMOVE),
    ).toEqual({
      list: [1, 3],
    });
  });
});
