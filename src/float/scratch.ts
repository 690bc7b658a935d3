/**
 * Reusable scratch buffers. A fresh multi-megabyte Float64Array costs more than the arithmetic done in it
 * (the pages are faulted in on first touch: about 20 ms for 8 MB on a small VM, the time of a million logs),
 * so the working arrays of one call (the copy of p, the cumulative masses) live in buffers kept between calls.
 * Each slot holds one buffer; a call gets a view of the first `length` entries, with stale contents.
 * Buffers above MAX_CACHED_LENGTH entries are not kept, bounding the memory held to 3 x 16 MB.
 *
 * Contract: a view is valid until the next request for the same slot. The library is synchronous and no
 * function holds a view across a call that requests the same slot.
 */

/** Slots in use: who owns which buffer during a call. */
export const SLOT_MASSES = 0;
export const SLOT_CUMULATIVE = 1;
export const SLOT_LEVEL_PROB = 2;

const MAX_CACHED_LENGTH = 1 << 21;

const pool: (Float64Array | undefined)[] = [];

/** A Float64Array of `length` entries (contents unspecified) backed by the slot's cached buffer. */
export function scratchFloat64(slot: number, length: number): Float64Array {
  const cached = pool[slot];
  if (cached !== undefined && cached.length >= length) {
    return cached.length === length ? cached : cached.subarray(0, length);
  }
  const fresh = new Float64Array(length);
  if (length <= MAX_CACHED_LENGTH) pool[slot] = fresh;
  return fresh;
}
