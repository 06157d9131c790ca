// Keeps at most `cap` bytes of a response body, decompressed. A server may compress although Sentinel sends
// no Accept-Encoding, and judging compressed bytes as text would turn into false schema findings; a
// server may also send a decompression bomb (one or several layers of gzip). The decoders are streams, so
// what is kept is counted as it comes out of them and reading stops at the cap: memory per response stays
// near the cap whatever the target sends.
import { createBrotliDecompress, createGunzip, createInflate, type Gunzip } from 'node:zlib';

export interface ReadBody {
  bytes: Buffer;
  /** Cut at the cap (the raw bytes or the decompressed ones). */
  truncated: boolean;
}

type Decoder = Gunzip;

const DECODERS: Record<string, () => Decoder> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress as () => Decoder,
};

export class BodyReader {
  private readonly raw: Buffer[] = [];
  private rawSize = 0;
  private receivedSize = 0;
  private readonly decoded: Buffer[] = [];
  private decodedSize = 0;
  /** The cap was reached: by the bytes received, or by the bytes decoded from them. */
  private full = false;
  private decodedFull = false;
  private readonly first: Decoder | undefined;
  private readonly last: Decoder | undefined;
  private decodeFailed = false;
  private readonly drained: Promise<void> | undefined;
  private readonly chain: Decoder[] = [];

  /**
   * `encoding`: the Content-Encoding header (`gzip`, `gzip, br`...); an unknown coding keeps the bytes as
   * they came. `onFull` is called once, when the cap is reached: the caller stops reading.
   */
  constructor(
    encoding: string | undefined,
    private readonly cap: number,
    private readonly onFull: () => void,
  ) {
    const codings = (encoding ?? '').split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '' && name !== 'identity');
    if (codings.length === 0 || !codings.every((name) => name in DECODERS)) return;
    // Codings are listed in the order they were applied: undo the last one first.
    const chain = codings.reverse().map((name) => DECODERS[name]!());
    this.chain = chain;
    for (let index = 0; index + 1 < chain.length; index++) chain[index]!.pipe(chain[index + 1]!);
    this.first = chain[0];
    this.last = chain.at(-1);
    this.drained = new Promise<void>((resolve) => {
      const stop = () => {
        for (const decoder of chain) decoder.destroy();
        resolve();
      };
      for (const decoder of chain) decoder.on('error', () => {
        this.decodeFailed = true;
        stop();
      });
      this.last!.on('data', (chunk: Buffer) => {
        if (this.decodedFull) return;
        if (this.decodedSize + chunk.length > this.cap) {
          this.decoded.push(chunk.subarray(0, this.cap - this.decodedSize));
          this.decodedSize = this.cap;
          this.decodedFull = true;
          this.reachCap();
          // Nothing more is kept: the rest of the bomb is never inflated.
          stop();
          return;
        }
        this.decoded.push(chunk);
        this.decodedSize += chunk.length;
      });
      this.last!.on('end', stop);
    });
  }

  /** A chunk of the body as it came over the wire. */
  push(chunk: Buffer): void {
    this.receivedSize += chunk.length;
    if (this.full) return;
    const room = this.cap - this.rawSize;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.raw.push(kept);
    this.rawSize += kept.length;
    if (this.first !== undefined && !this.first.destroyed) this.first.write(kept);
    if (chunk.length > room) this.reachCap();
  }

  /** The body once the response ended (or reading stopped): decompressed when it was compressed. */
  async finish(): Promise<ReadBody> {
    if (this.first !== undefined) {
      if (!this.first.destroyed) this.first.end();
      await this.drained;
      // Not compressed as announced (nothing decoded from a whole body): the bytes as they came. A
      // stream cut at the cap, or broken midway, keeps what was decoded before.
      const notCompressed = this.decodeFailed && this.decodedSize === 0 && !this.full;
      if (!notCompressed) return { bytes: Buffer.concat(this.decoded, this.decodedSize), truncated: this.full || this.decodeFailed };
    }
    return { bytes: Buffer.concat(this.raw, this.rawSize), truncated: this.full };
  }

  /** The exchange failed: free the decoders now rather than when they are collected. */
  discard(): void {
    for (const decoder of this.chain) decoder.destroy();
  }

  /** Bytes received so far, before decoding (kept or not). */
  get received(): number {
    return this.receivedSize;
  }

  private reachCap(): void {
    if (this.full) return;
    this.full = true;
    this.onFull();
  }
}
