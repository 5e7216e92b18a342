import { createHash } from 'node:crypto';

/** Joins the describe blocks and the test name, as vitest prints a test's full name. */
export const NAME_SEPARATOR = ' > ';

/** Characters no file system (Windows included) accepts in a file name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Most file systems cap a file name at 255 bytes; leave room for `.json` and temporary suffixes. */
const MAX_NAME_BYTES = 180;

function safeSegment(text: string): string {
  const cleaned = text.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  // `.` and `..` would walk the tree; trailing dots and spaces are dropped by Windows.
  const noDots = cleaned.replace(/^\.+$/, '_').replace(/[. ]+$/, '');
  return noDots === '' ? '_' : noDots;
}

function capLength(name: string, whole: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  // Keep a readable prefix; the hash of the full name keeps two long names apart.
  const hash = createHash('sha256').update(whole).digest('hex').slice(0, 10);
  let prefix = name;
  while (Buffer.byteLength(prefix) > MAX_NAME_BYTES - 12) prefix = prefix.slice(0, -1);
  return `${prefix.trimEnd()} ~${hash}`;
}

/**
 * The cassette of one test: `<test file>/<describe> > <test>` (the store adds `.json`), each part
 * made safe for any file system. `testFile` is the path relative to the project root.
 */
export function cassetteNameFor(testFile: string, titles: readonly string[]): string {
  const folder = testFile
    .split(/[\\/]+/)
    .filter(Boolean)
    .map(safeSegment)
    .join('/');
  const whole = titles.join(NAME_SEPARATOR);
  const file = capLength(titles.map(safeSegment).join(NAME_SEPARATOR), whole);
  return `${folder}/${file}`;
}
