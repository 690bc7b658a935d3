/**
 * OutputCapturer's promise that a subject flooding its output costs bonkl a few KiB, measured: the memory still
 * reachable after a flood, once garbage is collected, must not grow with the flood. Separate from
 * output-capture.test.ts because it turns on --expose-gc in its worker.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { expect, test } from "vitest";
import { OutputCapturer } from "./output-capture.ts";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

async function collectGarbage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Bytes still held (heap and array buffers) after `flood` ran and garbage was collected. */
async function retainedBy(flood: () => void): Promise<{ heap: number; arrayBuffers: number }> {
  await collectGarbage();
  const before = process.memoryUsage();
  flood();
  await collectGarbage();
  const after = process.memoryUsage();
  return { heap: after.heapUsed - before.heapUsed, arrayBuffers: after.arrayBuffers - before.arrayBuffers };
}

test("one huge chunk leaves only the kept head and tail behind", async () => {
  const capturer = new OutputCapturer(64);
  const retained = await retainedBy(() => capturer.write(Buffer.alloc(32 * 1024 * 1024, 0x61)));
  expect(retained.arrayBuffers).toBeLessThan(1024 * 1024);
  expect(capturer.snapshot()).toEqual({ head: "a".repeat(64), tail: "a".repeat(64), totalBytes: 32 * 1024 * 1024 });
});

test("many small writes after the head is full do not pile up", async () => {
  const capturer = new OutputCapturer(64);
  const byte = Buffer.from("x");
  const retained = await retainedBy(() => {
    for (let i = 0; i < 300_000; i++) capturer.write(byte);
  });
  expect(retained.heap).toBeLessThan(4 * 1024 * 1024);
  expect(capturer.snapshot().totalBytes).toBe(300_000);
});
