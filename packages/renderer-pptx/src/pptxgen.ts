import type * as PptxTypes from "pptxgenjs"
import * as pptxgenModule from "pptxgenjs"

/**
 * The pptxgenjs constructor. The package is CommonJS with a default export;
 * under NodeNext the namespace import may hold it as `default` or be it.
 */
type PptxGenConstructor = typeof pptxgenModule.default.default
const loaded = pptxgenModule as unknown as { default?: PptxGenConstructor }

export const PptxGenJS: PptxGenConstructor =
  loaded.default ?? (pptxgenModule as unknown as PptxGenConstructor)

export type Presentation = InstanceType<PptxGenConstructor>
export type PptxSlide = ReturnType<Presentation["addSlide"]>

export type TableRow = PptxTypes.default.TableRow
export type TableCell = PptxTypes.default.TableCell
export type TableCellProps = PptxTypes.default.TableCellProps
export type ChartOptions = PptxTypes.default.IChartOpts
export type ChartMulti = PptxTypes.default.IChartMulti
export type TextRun = PptxTypes.default.TextProps
export type ShapeName = PptxTypes.default.SHAPE_NAME
export type ShapePoint = NonNullable<PptxTypes.default.ShapeProps["points"]>[number]
