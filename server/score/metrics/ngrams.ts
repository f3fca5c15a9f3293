// Exact n-gram counting on integer-coded sequences, shared by BLEU and chrF.
//
// Within one segment every reference word (or character) gets an id 1..V, and the reference
// n-grams form a trie: each n-gram is a node reached from its (n-1)-gram prefix through the
// key `parent * (V + 1) + id`. Keys stay small integers, so the lookups are cheap, where
// string keys cost an allocation and a hash per n-gram. Hypothesis items missing from the
// references get id 0: an n-gram containing one cannot match, and it is counted only in the
// totals, which are plain arithmetic.

const EMPTY_F64 = new Float64Array(0);
const EMPTY_I32 = new Int32Array(0);

/** Interns words (strings) or characters (code points) to ids 1, 2, … */
export class Vocab<K extends string | number> {
  private readonly ids = new Map<K, number>();

  add(item: K): number {
    let id = this.ids.get(item);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(item, id);
    }
    return id;
  }

  /** The id of a known item, 0 otherwise. */
  get(item: K): number {
    return this.ids.get(item) ?? 0;
  }

  clear(): void {
    this.ids.clear();
  }

  /** One more than the largest id. */
  get base(): number {
    return this.ids.size + 1;
  }
}

/**
 * Counts of the n-grams (n = 1..maxOrder) of reference sequences, as a trie whose edges live
 * in an open-addressing hash table of typed arrays. Nothing is allocated per n-gram, and a
 * table can be `reset` and reused for the next segment, which keeps the garbage collector
 * out of the hot path.
 */
export class NgramTable {
  base = 1;
  maxOrder = 0;
  private keys = EMPTY_F64;
  /** Child node of each hash slot; 0 marks an empty slot (node 0 is the root). */
  private nodes = EMPTY_I32;
  private mask = 0;
  private shift = 32;
  /** Count of each node's n-gram. */
  private counts = EMPTY_I32;
  private size = 1;
  private scratch = EMPTY_I32;

  /** `capacity`: about how many n-grams the table will hold (it grows if needed). */
  constructor(base = 1, maxOrder = 0, capacity = 0) {
    this.reset(base, maxOrder, capacity);
  }

  /** Empties the table for a new vocabulary, keeping its buffers when they are big enough. */
  reset(base: number, maxOrder: number, capacity: number): this {
    this.base = base;
    this.maxOrder = maxOrder;
    let bits = 3;
    while (1 << bits < 2 * capacity + 2) bits++;
    const slots = 1 << bits;
    if (this.nodes.length < slots) {
      this.keys = new Float64Array(slots);
      this.nodes = new Int32Array(slots);
    } else {
      this.nodes.fill(0, 0, slots);
    }
    this.mask = slots - 1;
    this.shift = 32 - bits;
    if (this.counts.length < capacity + 2) this.counts = new Int32Array(capacity + 2);
    this.counts[0] = 0;
    this.size = 1;
    return this;
  }

  private slot(key: number): number {
    // Keys are integers below 2^53: fold both halves into a Fibonacci hash.
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  private find(node: number, id: number): number {
    const key = node * this.base + id;
    const { keys, nodes, mask } = this;
    for (let s = this.slot(key); ; s = (s + 1) & mask) {
      const n = nodes[s]!;
      if (n === 0) return 0;
      if (keys[s] === key) return n;
    }
  }

  private insert(node: number, id: number): number {
    const key = node * this.base + id;
    if (key >= 2 ** 53) throw new Error('n-gram table too large for exact keys');
    const { keys, nodes, mask } = this;
    let s = this.slot(key);
    for (; nodes[s] !== 0; s = (s + 1) & mask) if (keys[s] === key) return nodes[s]!;
    if (this.size + 1 >= this.counts.length) this.counts = grow(this.counts);
    const child = this.size++;
    keys[s] = key;
    nodes[s] = child;
    this.counts[child] = 0;
    if (2 * this.size > mask + 1) this.rehash();
    return child;
  }

  private rehash(): void {
    const keys = this.keys.slice(0, this.mask + 1);
    const nodes = this.nodes.slice(0, this.mask + 1);
    const slots = 2 * nodes.length;
    this.keys = new Float64Array(slots);
    this.nodes = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift--;
    for (let k = 0; k < nodes.length; k++) {
      if (nodes[k] === 0) continue;
      let s = this.slot(keys[k]!);
      while (this.nodes[s] !== 0) s = (s + 1) & this.mask;
      this.keys[s] = keys[k]!;
      this.nodes[s] = nodes[k]!;
    }
  }

  /** Adds every n-gram of `ids`, which holds no 0. */
  addSequence(ids: Int32Array): void {
    for (let i = 0; i < ids.length; i++) {
      let node = 0;
      const end = Math.min(ids.length, i + this.maxOrder);
      for (let j = i; j < end; j++) {
        node = this.insert(node, ids[j]!);
        this.counts[node]!++;
      }
    }
  }

  /** Raises each count to at least `other`'s (several references: max per n-gram). */
  maxWith(other: NgramTable): void {
    if (other.base !== this.base) throw new Error('n-gram tables of different vocabularies');
    // Walk `other` in node order: a node is always created after its parent.
    const parentOf = new Int32Array(other.size);
    const idOf = new Int32Array(other.size);
    for (let s = 0; s <= other.mask; s++) {
      const n = other.nodes[s]!;
      if (n === 0) continue;
      const parent = Math.floor(other.keys[s]! / other.base);
      parentOf[n] = parent;
      idOf[n] = other.keys[s]! - parent * other.base;
    }
    const map = new Int32Array(other.size);
    for (let n = 1; n < other.size; n++) {
      const node = this.insert(map[parentOf[n]!]!, idOf[n]!);
      map[n] = node;
      if (other.counts[n]! > this.counts[node]!) this.counts[node] = other.counts[n]!;
    }
  }

  /**
   * Adds to `matches[n-1]` the clipped matches Σ min(hyp count, ref count) of the
   * hypothesis's n-grams of order n. An n-gram absent from the trie ends the scan from its
   * start, since every longer one has it as a prefix.
   */
  clip(hyp: Int32Array, matches: number[]): void {
    if (this.scratch.length < this.size) this.scratch = new Int32Array(this.counts.length);
    const remaining = this.scratch;
    remaining.set(this.counts.subarray(0, this.size));
    for (let i = 0; i < hyp.length; i++) {
      let node = 0;
      const end = Math.min(hyp.length, i + this.maxOrder);
      for (let j = i; j < end; j++) {
        const id = hyp[j]!;
        if (id === 0) break;
        node = this.find(node, id);
        if (node === 0) break;
        // Each reference occurrence can be matched once: Σ min(hyp count, ref count).
        if (remaining[node]! > 0) {
          remaining[node]!--;
          matches[j - i]!++;
        }
      }
    }
  }
}

/** Tables handed out again once their segment is done (the references are not cached). */
export class TablePool {
  private readonly tables: NgramTable[] = [];
  private used = 0;

  /** Makes every table available again; tables taken before must no longer be used. */
  release(): void {
    this.used = 0;
  }

  take(base: number, maxOrder: number, capacity: number): NgramTable {
    if (this.used === this.tables.length) this.tables.push(new NgramTable());
    return this.tables[this.used++]!.reset(base, maxOrder, capacity);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Number of n-grams of order n in a sequence of `len` items. */
export function ngramCount(len: number, n: number): number {
  return len >= n ? len - n + 1 : 0;
}
