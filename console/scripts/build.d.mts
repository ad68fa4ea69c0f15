export interface ConsoleSizes {
  initial: number
  lazy: number
  initialFiles: string[]
  chunks: Array<{ file: string; gzip: number; initial: boolean }>
}
export declare const BUDGET_INITIAL: number
export declare function measure(outDir: string): ConsoleSizes
export declare function report(m: ConsoleSizes): string
export declare function buildConsole(outDir?: string): Promise<ConsoleSizes>
