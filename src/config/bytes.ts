/**
 * The checks on a desired-state file's bytes, before either YAML parser sees them (load.ts): its
 * size, binary data, and UTF-8. Every limit then holds on both parsers' paths.
 */
import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt } from '../diagnostics.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The diagnostic for a file over MAX_FILE_BYTES. */
export function tooLarge(file: string): Diagnostic {
  return diagnosticAt(
    { file, line: 1, column: 1 },
    'file-too-large',
    'file is larger than 5 MB',
    'a desired-state file of that size is not a list of accounts; check that -f names the right file',
  );
}

/** What makes these bytes no YAML text, at the byte where it starts; undefined if nothing does. */
export function checkBytes(file: string, bytes: Uint8Array): Diagnostic | undefined {
  if (bytes.length > MAX_FILE_BYTES) return tooLarge(file);
  const at = (offset: number) => ({ file, ...lineColumnOfByte(bytes, offset) });
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return diagnosticAt(
      at(nul),
      'binary-file',
      'file contains binary data (a NUL byte), not YAML text',
      'check that -f names the desired-state YAML file',
    );
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = bytes[invalid]!.toString(16).padStart(2, '0');
    return diagnosticAt(
      at(invalid),
      'not-utf8',
      `file is not valid UTF-8 (byte 0x${byte})`,
      're-save the file as UTF-8',
    );
  }
  return undefined;
}

/** Text of bytes that passed checkBytes, without a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const text = fatalUtf8().decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const fatalUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether bytes[0, end) decode; with `stream`, a prefix that stops mid-character still does. */
function decodes(bytes: Uint8Array, end: number, stream: boolean): boolean {
  try {
    fatalUtf8().decode(bytes.subarray(0, end), { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * Offset of the first byte that is not valid UTF-8, or -1, as the platform's own strict decoder
 * judges it — overlong forms, surrogates and code points past U+10FFFF included. Where it fails
 * is found by bisection over streaming decodes (a prefix that merely stops mid-character is not
 * an error while streaming), then walked back to where the bad sequence starts.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (decodes(bytes, bytes.length, false)) return -1;
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(bytes, mid, mid < bytes.length)) good = mid;
    else bad = mid;
  }
  // The bad sequence starts where the valid text before it ends: at most 3 bytes back.
  let start = bad - 1;
  while (start > Math.max(0, bad - 4) && !decodes(bytes, start, false)) start--;
  return start;
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
