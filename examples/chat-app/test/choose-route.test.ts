import { describe, expect, test } from 'vitest';
import { chooseRoute } from '../src/choose-route.ts';

describe('chooseRoute', () => {
  test.each([
    ['Invent a new holiday and describe its traditions.', 'passthrough'],
    ['How do I cross the street?', 'reasoning'],
    ['/think is 1013 prime?', 'reasoning'],
    ['What is the largest city in the user country?', 'orchestration'],
    ['Where is my order?', 'orchestration'],
  ])('%s → %s', (message, route) => {
    expect(chooseRoute(message)).toBe(route);
  });
});
