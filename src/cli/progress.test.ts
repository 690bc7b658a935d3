import { describe, expect, it } from "vitest";
import { PROGRESS_LINE, progress, progressLine, type ProgressStream } from "./progress.ts";

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  return {
    isTTY,
    columns: 60,
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe("progress", () => {
  it("off a terminal: nothing for short work, then one plain line every interval, from ticks", () => {
    const stream = fakeStream(false);
    let clock = 0;
    const bar = progress("bonkl work", { stream, now: () => clock, lineIntervalMs: 5000 });
    bar.tick(1, 200, "a");
    clock = 4999;
    bar.tick(2, 200, "b");
    expect(stream.text).toBe("");
    clock = 5000;
    bar.tick(90, 200, "klBon in standard");
    clock = 6000;
    bar.tick(100, 200, "skipped");
    clock = 10_400;
    bar.tick(150, 200, "line\nbreak");
    bar.done();
    expect(stream.text).toBe("bonkl work: progress 45% 90/200 klBon in standard, 5 s\nbonkl work: progress 75% 150/200 line break, 10 s\n");
    for (const line of stream.text.trim().split("\n")) expect(line).toMatch(PROGRESS_LINE);
  });

  it("off a terminal: a line also while the work waits without ticking (a timer), none after done", async () => {
    const stream = fakeStream(false);
    const bar = progress("bonkl work", { stream, lineIntervalMs: 50 });
    bar.tick(3, 10, "waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
    bar.done();
    const seen = stream.text;
    expect(seen).toMatch(/^bonkl work: progress 30% 3\/10 waiting, 0 s\n/);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(stream.text).toBe(seen);
  });

  it("enabled: false is silent everywhere", () => {
    const stream = fakeStream(true);
    const bar = progress("work", { stream, enabled: false });
    bar.tick(1, 1);
    expect(stream.text).toBe("");
  });

  it("draws a bar on a terminal, throttled, always drawing the last tick, and erases it when done", () => {
    const stream = fakeStream(true);
    let clock = 0;
    const bar = progress("work", { stream, now: () => clock, intervalMs: 100 });
    bar.tick(1, 4, "first");
    clock = 50;
    bar.tick(2, 4, "skipped");
    clock = 60;
    bar.tick(4, 4, "last");
    bar.done();
    expect(stream.text).toContain("first");
    expect(stream.text).not.toContain("skipped");
    expect(stream.text).toContain("100% 4/4 last");
    expect(stream.text.endsWith("\r\x1b[2K")).toBe(true);
  });

  it("draws 80 columns when the terminal reports no width", () => {
    const stream = { ...fakeStream(true), columns: 0 };
    progress("work", { stream }).tick(1, 2);
    expect(stream.text).toContain("work [");
  });

  it("fits the line to the terminal width", () => {
    const line = progressLine("figures", 30, 120, "figure-2-L10000 with a very long label that will not fit", 50);
    expect(line.length).toBeLessThanOrEqual(49);
    expect(line).toMatch(/^figures \[#+-+\]  25% 30\/120/);
  });
});
