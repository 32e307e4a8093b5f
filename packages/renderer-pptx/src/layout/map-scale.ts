/**
 * The map's colour scale, computed as the HTML map's is (Observable Plot's
 * `quantize` scale with an explicit range): the span from the lowest to the
 * highest value cut into as many equal steps as there are colours. Plot
 * places the n − 1 breaks at low·(1 − i/n) + high·(i/n), as d3's
 * `interpolateNumber` does, and a value on a break takes the step above it
 * (d3's threshold scale bisects to the right). Written out here rather than
 * imported, since the PowerPoint renderer does not depend on the HTML one.
 */
export interface ColourScale {
  /** The lowest and highest value coloured. */
  readonly domain: readonly [number, number]
  /** The n − 1 values where one step ends and the next begins, ascending. */
  readonly breaks: ReadonlyArray<number>
  readonly steps: number
}

/**
 * The scale of `values` in `steps` colours. No values gives the span 0–1,
 * and one value (or all equal) the span from one below to one above it, as
 * the HTML does, so that a lone value takes the middle colour.
 */
export const colourScale = (values: ReadonlyArray<number>, steps: number): ColourScale => {
  const low = Math.min(...values, Number.POSITIVE_INFINITY)
  const high = Math.max(...values, Number.NEGATIVE_INFINITY)
  const domain: readonly [number, number] = !Number.isFinite(low)
    ? [0, 1]
    : low === high
      ? [low - 1, high + 1]
      : [low, high]
  const breaks = Array.from({ length: steps - 1 }, (_, index) => {
    const t = (index + 1) / steps
    return domain[0] * (1 - t) + domain[1] * t
  })
  return { domain, breaks, steps }
}

/** The step (0 = lightest) of a value: how many breaks it has reached. */
export const stepOf = (scale: ColourScale, value: number): number =>
  scale.breaks.filter((limit) => limit <= value).length

/** Each step's span, from the domain's low end through the breaks to its high end. */
export const stepSpans = (scale: ColourScale): ReadonlyArray<readonly [number, number]> => {
  const edges = [scale.domain[0], ...scale.breaks, scale.domain[1]]
  return edges.slice(1).map((high, index) => [edges[index]!, high] as const)
}
