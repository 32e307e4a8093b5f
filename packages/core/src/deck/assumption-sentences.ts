import type { Geography } from "../domain/geography.js"
import { assumedValues } from "../geography/assumptions.js"
import type { Language } from "../model/report-model.js"

/**
 * What in the reference data rests on assumptions, in a sentence or two for
 * the data-quality slide, so a reader knows which groupings are not evidenced.
 * Empty when the geography marks nothing as assumed.
 */
export const assumptionSentences = (geography: Geography, language: Language): string[] => {
  const { municipalities, stations } = assumedValues(geography)
  const sentences: string[] = []
  const names = (list: ReadonlyArray<{ readonly name: string }>) => list.map((x) => x.name).join(", ")

  if (municipalities.length > 0) {
    sentences.push(
      language === "sv"
        ? `Referensdata: ambulansdistriktet är antaget, inte belagt, för ${municipalities.length} kommuner: ${names(municipalities)}.`
        : `Reference data: the ambulance district is assumed, not evidenced, for ${municipalities.length} municipalities: ${names(municipalities)}.`,
    )
  }
  if (stations.length > 0) {
    sentences.push(
      language === "sv"
        ? `Referensdata: ${stations.length} stationsorter är antagna eller osäkra: ${names(stations)}.`
        : `Reference data: ${stations.length} station localities are assumed or uncertain: ${names(stations)}.`,
    )
  }
  return sentences
}
