export interface BenchResult {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
  target?: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median milliseconds of `rounds` runs. `measured` may time only part of a run itself
 * (returning milliseconds), for work that needs untimed set-up such as an unlock.
 */
export async function timeIt(
  rounds: number,
  fn: () => Promise<void> | void,
  measured?: () => Promise<number>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (measured) {
      times.push(await measured());
      continue;
    }
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function report(name: string, value: number, baseline: number, target?: number): BenchResult {
  return { name, value, baseline, ratio: value / baseline, unit: 'ms', ...(target ? { target } : {}) };
}

export function printResults(results: BenchResult[]): void {
  for (const r of results) {
    const verdict =
      r.target === undefined
        ? ''
        : r.ratio <= r.target
          ? `  (target ≤ ${r.target}: met)`
          : `  (target ≤ ${r.target}: NOT met)`;
    console.log(
      `${r.name}\n    ${r.value.toFixed(2)} ${r.unit} vs baseline ${r.baseline.toFixed(2)} ${r.unit} → ratio ${r.ratio.toFixed(2)}×${verdict}`,
    );
  }
}
