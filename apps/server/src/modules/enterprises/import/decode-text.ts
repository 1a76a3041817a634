import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

/**
 * Bytes of a text file → strings, for csv exported by whatever the office uses:
 * a BOM decides (UTF-8, UTF-16LE/BE); without one the text is UTF-8 when it is
 * valid UTF-8 and GB18030 (a superset of GBK and GB2312, which Excel writes on a
 * Chinese Windows) when it is not. The decision waits for the first non-ASCII
 * bytes — ASCII reads the same in both — and then looks at up to SNIFF_BYTES of
 * them, so memory stays bounded whatever the size of the file.
 */

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How many bytes from the first non-ASCII byte on decide between UTF-8 and GB18030. */
export const SNIFF_BYTES = 64 * 1024;
/** The first text handed on has this many line feeds, or this many characters, or the whole file. */
const HOLD_LINES = 20;
const HOLD_CHARS = 256 * 1024;

export class DecodeTextStream extends Transform {
  private decoder: TextDecoder | null = null;
  private pending: Buffer = Buffer.alloc(0);
  /** Whether the BOM check has been done (needs the first 3 bytes or the end). */
  private bomChecked = false;
  /** Offset in `pending` of the first non-ASCII byte, once seen. */
  private firstHigh = -1;
  private chosen: TextEncodingName | null = null;
  private released = false;
  private held = '';
  private heldLines = 0;

  constructor() {
    super({ readableObjectMode: true });
  }

  /** The encoding decided on, once known (null for a file that is ASCII so far). */
  get encoding(): TextEncodingName | null {
    return this.chosen;
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, callback: TransformCallback): void {
    try {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (this.decoder) {
        this.out(this.decoder.decode(bytes, { stream: true }));
      } else {
        this.pending = this.pending.length ? Buffer.concat([this.pending, bytes]) : bytes;
        this.sniff(false);
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.decoder) this.sniff(true);
      if (this.decoder) this.out(this.decoder.decode());
      this.release();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private out(text: string): void {
    if (!text) return;
    if (this.released) {
      this.push(text);
      return;
    }
    // The first text handed on holds whole lines: a csv parser guesses the line
    // ending and the delimiter from its first chunk.
    this.held += text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.heldLines++;
    if (this.heldLines >= HOLD_LINES || this.held.length >= HOLD_CHARS) this.release();
  }

  private release(): void {
    this.released = true;
    if (this.held) this.push(this.held);
    this.held = '';
  }

  private choose(encoding: TextEncodingName, skip: number): void {
    this.chosen = encoding;
    // After the decision a stray invalid byte becomes U+FFFD rather than an error:
    // the row that holds it then fails validation and is reported.
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
    const rest = this.pending.subarray(skip);
    this.pending = Buffer.alloc(0);
    this.out(this.decoder.decode(rest, { stream: true }));
  }

  private sniff(atEnd: boolean): void {
    const p = this.pending;
    if (!this.bomChecked) {
      if (p.length < 3 && !atEnd) return;
      this.bomChecked = true;
      if (p[0] === 0xef && p[1] === 0xbb && p[2] === 0xbf) return this.choose('utf-8', 3);
      if (p[0] === 0xff && p[1] === 0xfe) return this.choose('utf-16le', 2);
      if (p[0] === 0xfe && p[1] === 0xff) return this.choose('utf-16be', 2);
    }
    if (this.firstHigh < 0) {
      const i = p.findIndex((b) => b >= 0x80);
      if (i < 0) {
        // All ASCII so far: pass it on, keep deciding.
        this.out(p.toString('latin1'));
        this.pending = Buffer.alloc(0);
        if (atEnd) this.chosen = 'utf-8';
        return;
      }
      if (i > 0) {
        this.out(p.subarray(0, i).toString('latin1'));
        this.pending = p.subarray(i);
      }
      this.firstHigh = 0;
    }
    if (this.pending.length < SNIFF_BYTES && !atEnd) return;
    const sample = this.pending.subarray(0, SNIFF_BYTES);
    const complete = atEnd && sample.length === this.pending.length;
    this.choose(looksLikeUtf8(sample, complete) ? 'utf-8' : 'gb18030', 0);
  }
}

/** Whether the bytes are valid UTF-8 (a sequence cut at the end is fine unless the input ends there). */
function looksLikeUtf8(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
