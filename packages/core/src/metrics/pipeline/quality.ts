import { compareCodePoints } from "../../model/plane.js"
import type { MetricQuality } from "../../model/report-model.js"

/**
 * Counts, for one metric, the rows of its population and why some were left
 * out. Every metric keeps one, so that "N used, M left out" is always true:
 * `considered = used + sum(leftOut)`.
 */
export class QualityTally {
  private considered = 0
  private used = 0
  private ambiguous = 0
  private readonly leftOut = new Map<string, number>()

  constructor(private readonly unit: MetricQuality["unit"]) {}

  /** A row of the population that the metric used; `ambiguous` when it rests on an ambiguous local time. */
  use(ambiguous = false): void {
    this.considered++
    this.used++
    if (ambiguous) this.ambiguous++
  }

  leave(reason: string): void {
    this.considered++
    this.leftOut.set(reason, (this.leftOut.get(reason) ?? 0) + 1)
  }

  toQuality(): MetricQuality {
    return {
      unit: this.unit,
      considered: this.considered,
      used: this.used,
      leftOut: [...this.leftOut.entries()]
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([reason, count]) => ({ reason, count })),
      ambiguousLocalTimes: this.ambiguous,
    }
  }
}
