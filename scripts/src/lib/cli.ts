import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Prints the problem and the usage, and exits with 2 (bad command line). */
export function failUsage(message: string, usage: string): never {
  console.error(message ? `${message}\n${usage}` : usage)
  process.exit(2)
}

/**
 * node:util parseArgs, but a malformed command line (an unknown option, a value that starts
 * with "-" given as a separate word) ends with the usage and exit 2 instead of a stack trace.
 */
export function parseCli<T extends ParseArgsConfig['options']>(options: T, usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options })
  } catch (err) {
    return failUsage((err as Error).message, usage)
  }
}
