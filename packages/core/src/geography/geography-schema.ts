/**
 * The shape of a geography file (`--geography FILE`), one schema per entry
 * so that a file with a bad entry still has its other entries checked.
 * Keys the contract does not name are ignored, so files may carry extra data.
 */
import { z } from "zod"

const text = z.string().trim().min(1, "must not be empty")

export const districtSchema = z.object({ id: text, name: text })

export const municipalitySchema = z.object({
  code: z.string().regex(/^\d{4}$/, "must be a municipality code of 4 digits, e.g. 1280"),
  name: text,
  district: text,
  assumed: z.boolean().exactOptional(),
})

/** `district` is optional here so that a missing one is reported with a fix that names its likely value. */
export const stationSchema = z.object({
  name: text,
  district: z.string().trim().exactOptional(),
  municipality: text,
  lat: z.number().min(-90).max(90).exactOptional(),
  lon: z.number().min(-180).max(180).exactOptional(),
  assumed: z.boolean().exactOptional(),
})

export const boundariesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      properties: z.object({ code: z.string(), name: z.string().exactOptional() }),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
    }),
  ),
})
