/**
 * The scratch-buffer contract (scratch.ts): a request gets `length` entries backed by the slot's kept buffer when
 * that is large enough, a fresh buffer otherwise; buffers above 2^21 entries are not kept. Slots 5 to 7 are not
 * used by the library, so these tests see only their own buffers. (Buffers are compared by identity in booleans: a
 * failing toBe on a 16 MB buffer would print it.)
 */
import { expect, test } from "vitest";
import { SLOT_CUMULATIVE, SLOT_LEVEL_PROB, SLOT_MASSES, scratchFloat64 } from "./scratch.ts";

const MAX_CACHED_LENGTH = 2 ** 21;

test("a first request, then requests up to that length, share one buffer", () => {
  const first = scratchFloat64(5, 100);
  expect(first.length).toBe(100);
  const same = scratchFloat64(5, 100);
  expect(same.length).toBe(100);
  expect(same.buffer === first.buffer).toBe(true);
  const shorter = scratchFloat64(5, 10);
  expect(shorter.length).toBe(10);
  expect(shorter.buffer === first.buffer).toBe(true);
  const longer = scratchFloat64(5, 101); // too long for the kept buffer: a fresh one, kept from now on
  expect(longer.length).toBe(101);
  expect(longer.buffer === first.buffer).toBe(false);
  expect(scratchFloat64(5, 50).buffer === longer.buffer).toBe(true);
});

test("a buffer of 2^21 entries is kept, a longer one is not", () => {
  const small = scratchFloat64(6, 8);
  const huge = scratchFloat64(6, MAX_CACHED_LENGTH + 1);
  expect(huge.length).toBe(MAX_CACHED_LENGTH + 1);
  expect(scratchFloat64(6, 8).buffer === small.buffer).toBe(true);
  const largest = scratchFloat64(7, MAX_CACHED_LENGTH);
  expect(scratchFloat64(7, 8).buffer === largest.buffer).toBe(true);
});

test("the library's slots hand out Float64Arrays of the requested length, small or large", () => {
  for (const slot of [SLOT_MASSES, SLOT_CUMULATIVE, SLOT_LEVEL_PROB]) {
    for (const length of [1, 3, 16, 40, 3]) {
      const buffer = scratchFloat64(slot, length);
      expect(buffer instanceof Float64Array && buffer.length === length, `slot ${slot}, length ${length}`).toBe(true);
    }
  }
});
