import type { FileQuality } from "../model/report-model.js"

/** Totals over files: what a strict run checks (`rejected > 0`) and a console summary prints. */
export interface QualitySummary {
  readonly read: number
  readonly accepted: number
  readonly rejected: number
  readonly rejectedByReason: Readonly<Record<string, number>>
  readonly warnings: Readonly<Record<string, number>>
}

/** Adds up the quality counts of several files. */
export const summariseQuality = (files: ReadonlyArray<FileQuality>): QualitySummary => {
  const rejectedByReason: Record<string, number> = {}
  const warnings: Record<string, number> = {}
  let read = 0
  let accepted = 0
  let rejected = 0
  for (const file of files) {
    read += file.read
    accepted += file.accepted
    rejected += file.rejected
    addInto(rejectedByReason, file.rejectedByReason)
    addInto(warnings, file.warnings)
  }
  return { read, accepted, rejected, rejectedByReason, warnings }
}

const addInto = (total: Record<string, number>, part: Readonly<Record<string, number>>): void => {
  for (const [key, count] of Object.entries(part)) total[key] = (total[key] ?? 0) + count
}
