export declare const gzipSize: (file: string) => number
export declare const kb: (n: number) => string
