import type { MetricEntry } from "@ambu/core"

/** One parameter of a metric, as its JSON schema (input side) states it. */
export interface ParamDoc {
  readonly name: string
  readonly type: string
  readonly hasDefault: boolean
  readonly default: unknown
  readonly constraints: ReadonlyArray<string>
  readonly description: string
}

interface PropertySchema {
  readonly type?: string
  readonly default?: unknown
  readonly description?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly enum?: ReadonlyArray<unknown>
  readonly const?: unknown
  readonly anyOf?: ReadonlyArray<PropertySchema>
  readonly minLength?: number
}

interface ObjectSchema {
  readonly properties?: Readonly<Record<string, PropertySchema>>
}

/** Bounds that are only zod's way of saying "an integer" are not worth a reader's attention. */
const isNoiseBound = (value: number): boolean => Math.abs(value) === Number.MAX_SAFE_INTEGER

const constraintsOf = (schema: PropertySchema): ReadonlyArray<string> => {
  const found: string[] = []
  if (schema.minimum !== undefined && !isNoiseBound(schema.minimum)) found.push(`≥ ${schema.minimum}`)
  if (schema.exclusiveMinimum !== undefined) found.push(`> ${schema.exclusiveMinimum}`)
  if (schema.maximum !== undefined && !isNoiseBound(schema.maximum)) found.push(`≤ ${schema.maximum}`)
  if (schema.exclusiveMaximum !== undefined) found.push(`< ${schema.exclusiveMaximum}`)
  if (schema.minLength !== undefined) found.push(`at least ${schema.minLength} characters`)
  return found
}

const choicesOf = (schema: PropertySchema): ReadonlyArray<unknown> | undefined => {
  if (schema.enum !== undefined) return schema.enum
  if (schema.anyOf?.every((option) => "const" in option)) {
    return schema.anyOf.map((option) => option.const)
  }
  return undefined
}

const typeOf = (schema: PropertySchema): string => {
  const choices = choicesOf(schema)
  if (choices !== undefined) return `one of ${choices.map((c) => JSON.stringify(c)).join(", ")}`
  if (schema.anyOf !== undefined) return schema.anyOf.map(typeOf).join(" or ")
  return schema.type ?? "any"
}

/**
 * The parameters of a metric read from its zod schema through
 * `z.toJSONSchema` (input side, so defaults show), in declaration order.
 */
export const metricParams = (metric: MetricEntry): ReadonlyArray<ParamDoc> => {
  const schema = metric.params.toJSONSchema({ io: "input", unrepresentable: "any" }) as ObjectSchema

  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeOf(property),
    hasDefault: "default" in property,
    default: property.default,
    constraints: constraintsOf(property),
    description: property.description ?? "",
  }))
}
