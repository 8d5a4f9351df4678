/**
 * A seeded pseudo-random generator (sfc32), so the same seed builds the same shop on any
 * machine. Math.random cannot be seeded.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** 32 random bits as an unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** An index into `cumulative` (running sums of weights), chosen in proportion to the weights. */
  weighted(cumulative: Float64Array | number[]): number {
    const target = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A fresh generator for one part of the data, so adding draws to one part leaves the others as they were. */
  fork(label: string): Random {
    let h = this.d ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Random(h ^ this.int(0x7fffffff));
  }

  /** Eight random hex digits. */
  hex8(): string {
    return hex32(this.uint32());
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Number.toString(16) is slow on V8 for this many ids: a table of bytes is many times faster.
function hex32(x: number): string {
  return BYTE_HEX[x >>> 24] + BYTE_HEX[(x >>> 16) & 255] + BYTE_HEX[(x >>> 8) & 255] + BYTE_HEX[x & 255];
}

/** A UUIDv7 for the given instant whose random part comes from `random`: time-ordered like newId(), but reproducible. */
export function seededUuidV7(ms: number, random: Random): string {
  const high = Math.floor(ms / 0x100000000);
  const time = BYTE_HEX[(high >>> 8) & 255] + BYTE_HEX[high & 255] + hex32(ms >>> 0);
  const a = random.hex8();
  const b = random.hex8();
  const variant = '89ab'[random.uint32() & 3];
  return `${time.slice(0, 8)}-${time.slice(8)}-7${a.slice(0, 3)}-${variant}${a.slice(3, 6)}-${a.slice(6)}${b}${random.hex8().slice(0, 2)}`;
}
