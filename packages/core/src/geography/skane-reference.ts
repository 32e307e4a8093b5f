/**
 * Facts about Region Skåne behind the bundled geography, with the extra
 * columns (position, population) that the sample generator needs and the
 * report's geography does not carry. Sources and licences: `data/REFERENCE.md`.
 */
import type { District } from "../domain/geography.js"

/** A municipality with its SCB polygon centroid and its population on 31 December 2022. */
export interface MunicipalityFacts {
  readonly code: string
  readonly name: string
  readonly district: string
  readonly lat: number
  readonly lon: number
  readonly population: number
  /** The district membership is inferred, not found in a source. */
  readonly assumed?: true
}

/**
 * How well a station locality is supported:
 * - `evidenced`: a source places an ambulance station there;
 * - `uncertain`: a source mentions an ambulance there, possibly part-time;
 * - `assumed`: no source; the municipality's main town stands in for one of
 *   the 28 localities Region Skåne reports, positioned at the municipality centroid.
 */
export type StationEvidence = "evidenced" | "uncertain" | "assumed"

export interface StationFacts {
  readonly name: string
  readonly municipality: string
  readonly lat: number
  readonly lon: number
  readonly evidence: StationEvidence
}

export const SKANE_REGION_NAME = "Region Skåne"

export const SKANE_TIME_ZONE = "Europe/Stockholm"

export const SKANE_DISTRICTS: ReadonlyArray<District> = [
  { id: "1", name: "Sydväst (Malmö)" },
  { id: "2", name: "Mellersta (Lund-Landskrona)" },
  { id: "3", name: "Nordväst (Helsingborg)" },
  { id: "4", name: "Nordost/Öst (Kristianstad)" },
]

export const SKANE_MUNICIPALITIES: ReadonlyArray<MunicipalityFacts> = [
  { code: "1214", name: "Svalöv", district: "2", lat: 55.967, lon: 13.1278, population: 14466 },
  { code: "1230", name: "Staffanstorp", district: "2", lat: 55.6493, lon: 13.2152, population: 26778 },
  { code: "1231", name: "Burlöv", district: "2", lat: 55.6369, lon: 13.0991, population: 19882 },
  {
    code: "1233",
    name: "Vellinge",
    district: "1",
    lat: 55.4582,
    lon: 13.0093,
    population: 37821,
    assumed: true,
  },
  { code: "1256", name: "Östra Göinge", district: "4", lat: 56.2733, lon: 14.1443, population: 14577 },
  {
    code: "1257",
    name: "Örkelljunga",
    district: "3",
    lat: 56.3197,
    lon: 13.3345,
    population: 10455,
    assumed: true,
  },
  { code: "1260", name: "Bjuv", district: "3", lat: 56.058, lon: 12.9707, population: 16062, assumed: true },
  { code: "1261", name: "Kävlinge", district: "2", lat: 55.7937, lon: 13.0608, population: 32470 },
  { code: "1262", name: "Lomma", district: "2", lat: 55.7094, lon: 13.0748, population: 24721 },
  {
    code: "1263",
    name: "Svedala",
    district: "1",
    lat: 55.5402,
    lon: 13.2582,
    population: 23288,
    assumed: true,
  },
  {
    code: "1264",
    name: "Skurup",
    district: "1",
    lat: 55.4709,
    lon: 13.548,
    population: 16731,
    assumed: true,
  },
  { code: "1265", name: "Sjöbo", district: "2", lat: 55.6491, lon: 13.7437, population: 19547 },
  { code: "1266", name: "Hörby", district: "2", lat: 55.8454, lon: 13.7364, population: 15718 },
  { code: "1267", name: "Höör", district: "2", lat: 55.9514, lon: 13.5159, population: 17297 },
  {
    code: "1270",
    name: "Tomelilla",
    district: "4",
    lat: 55.6192,
    lon: 14.0185,
    population: 13812,
    assumed: true,
  },
  {
    code: "1272",
    name: "Bromölla",
    district: "4",
    lat: 56.1276,
    lon: 14.4915,
    population: 12633,
    assumed: true,
  },
  { code: "1273", name: "Osby", district: "4", lat: 56.4189, lon: 14.1508, population: 13238 },
  {
    code: "1275",
    name: "Perstorp",
    district: "3",
    lat: 56.195,
    lon: 13.3723,
    population: 7442,
    assumed: true,
  },
  {
    code: "1276",
    name: "Klippan",
    district: "3",
    lat: 56.1149,
    lon: 13.2523,
    population: 17865,
    assumed: true,
  },
  {
    code: "1277",
    name: "Åstorp",
    district: "3",
    lat: 56.138,
    lon: 12.9996,
    population: 16341,
    assumed: true,
  },
  {
    code: "1278",
    name: "Båstad",
    district: "3",
    lat: 56.3991,
    lon: 12.7973,
    population: 15824,
    assumed: true,
  },
  { code: "1280", name: "Malmö", district: "1", lat: 55.5654, lon: 13.026, population: 357377 },
  { code: "1281", name: "Lund", district: "2", lat: 55.6707, lon: 13.3725, population: 128384 },
  { code: "1282", name: "Landskrona", district: "2", lat: 55.8936, lon: 12.9118, population: 47004 },
  { code: "1283", name: "Helsingborg", district: "3", lat: 56.0733, lon: 12.7965, population: 150975 },
  {
    code: "1284",
    name: "Höganäs",
    district: "3",
    lat: 56.2159,
    lon: 12.6196,
    population: 28103,
    assumed: true,
  },
  { code: "1285", name: "Eslöv", district: "2", lat: 55.8395, lon: 13.3701, population: 34701 },
  { code: "1286", name: "Ystad", district: "2", lat: 55.4712, lon: 13.8877, population: 31714 },
  { code: "1287", name: "Trelleborg", district: "1", lat: 55.4213, lon: 13.2739, population: 46649 },
  { code: "1290", name: "Kristianstad", district: "4", lat: 56.0022, lon: 14.1438, population: 86738 },
  {
    code: "1291",
    name: "Simrishamn",
    district: "4",
    lat: 55.583,
    lon: 14.2096,
    population: 19074,
    assumed: true,
  },
  {
    code: "1292",
    name: "Ängelholm",
    district: "3",
    lat: 56.2697,
    lon: 12.9671,
    population: 44268,
    assumed: true,
  },
  {
    code: "1293",
    name: "Hässleholm",
    district: "4",
    lat: 56.2046,
    lon: 13.7254,
    population: 52369,
    assumed: true,
  },
]

/**
 * The 28 station localities, by district. Evidenced and uncertain ones sit
 * at their town centre; assumed ones at their municipality's centroid.
 */
export const SKANE_STATIONS: ReadonlyArray<StationFacts> = [
  { name: "Malmö", municipality: "1280", lat: 55.60529, lon: 13.00016, evidence: "evidenced" },
  { name: "Trelleborg", municipality: "1287", lat: 55.37592, lon: 13.14615, evidence: "evidenced" },
  { name: "Skurup", municipality: "1264", lat: 55.4709, lon: 13.548, evidence: "assumed" },
  { name: "Svedala", municipality: "1263", lat: 55.5402, lon: 13.2582, evidence: "assumed" },
  { name: "Vellinge", municipality: "1233", lat: 55.4582, lon: 13.0093, evidence: "assumed" },

  { name: "Lund", municipality: "1281", lat: 55.70293, lon: 13.19294, evidence: "evidenced" },
  { name: "Landskrona", municipality: "1282", lat: 55.8698, lon: 12.82967, evidence: "evidenced" },
  { name: "Eslöv", municipality: "1285", lat: 55.83749, lon: 13.30363, evidence: "evidenced" },
  { name: "Hörby", municipality: "1266", lat: 55.85401, lon: 13.66333, evidence: "evidenced" },
  { name: "Höör", municipality: "1267", lat: 55.93329, lon: 13.54538, evidence: "evidenced" },
  { name: "Kävlinge", municipality: "1261", lat: 55.7937, lon: 13.0608, evidence: "assumed" },
  { name: "Sjöbo", municipality: "1265", lat: 55.6491, lon: 13.7437, evidence: "assumed" },
  { name: "Svalöv", municipality: "1214", lat: 55.967, lon: 13.1278, evidence: "assumed" },
  { name: "Ystad", municipality: "1286", lat: 55.4712, lon: 13.8877, evidence: "assumed" },

  { name: "Helsingborg", municipality: "1283", lat: 56.0442, lon: 12.70407, evidence: "evidenced" },
  { name: "Båstad", municipality: "1278", lat: 56.3991, lon: 12.7973, evidence: "assumed" },
  { name: "Höganäs", municipality: "1284", lat: 56.2159, lon: 12.6196, evidence: "assumed" },
  { name: "Klippan", municipality: "1276", lat: 56.1149, lon: 13.2523, evidence: "assumed" },
  { name: "Åstorp", municipality: "1277", lat: 56.138, lon: 12.9996, evidence: "assumed" },
  { name: "Ängelholm", municipality: "1292", lat: 56.2697, lon: 12.9671, evidence: "assumed" },
  { name: "Örkelljunga", municipality: "1257", lat: 56.3197, lon: 13.3345, evidence: "assumed" },

  { name: "Kristianstad", municipality: "1290", lat: 56.02938, lon: 14.15668, evidence: "evidenced" },
  { name: "Tomelilla", municipality: "1270", lat: 55.5438, lon: 13.95412, evidence: "uncertain" },
  { name: "Vinslöv", municipality: "1293", lat: 56.10221, lon: 13.90958, evidence: "uncertain" },
  { name: "Broby", municipality: "1256", lat: 56.2733, lon: 14.1443, evidence: "assumed" },
  { name: "Bromölla", municipality: "1272", lat: 56.1276, lon: 14.4915, evidence: "assumed" },
  { name: "Osby", municipality: "1273", lat: 56.4189, lon: 14.1508, evidence: "assumed" },
  { name: "Simrishamn", municipality: "1291", lat: 55.583, lon: 14.2096, evidence: "assumed" },
]
