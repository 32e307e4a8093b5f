import { Effect } from "effect"
import { withChromium } from "../../src/browser/chromium.js"

/** What a PNG shows, counted by Chromium's own image decoder. */
export interface PngColours {
  /** How many different colours its pixels have. */
  readonly distinct: number
  /** The share of its pixels in `colour`. */
  readonly share: number
  readonly width: number
}

/** Decodes a PNG in Chromium and counts its colours, and the pixels of one colour (`#rrggbb`). */
export const pngColours = (png: Uint8Array, colour: string): Promise<PngColours> =>
  Effect.runPromise(
    withChromium("test", {}, (browser) =>
      Effect.promise(async () => {
        const page = await browser.newPage()
        const url = `data:image/png;base64,${Buffer.from(png).toString("base64")}`
        return page.evaluate(
          async (url, wanted) => {
            const image = new Image()
            image.src = url
            await image.decode()
            const canvas = document.createElement("canvas")
            canvas.width = image.width
            canvas.height = image.height
            const context = canvas.getContext("2d")!
            context.drawImage(image, 0, 0)
            const pixels = context.getImageData(0, 0, image.width, image.height).data
            const seen = new Set<number>()
            let matching = 0
            for (let i = 0; i < pixels.length; i += 4) {
              const rgb = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!
              seen.add(rgb)
              if (rgb === wanted) matching++
            }
            return { distinct: seen.size, share: matching / (pixels.length / 4), width: image.width }
          },
          url,
          Number.parseInt(colour.slice(1), 16),
        )
      }),
    ),
  )
