/**
 * `--help` (or `-h`) on any script: print its usage and exit 0 before it does anything
 * (no server, no build, no data folder touched).
 */
export function exitOnHelp(usage: string, args: readonly string[] = process.argv.slice(2)): void {
  if (!args.includes('--help') && !args.includes('-h')) return;
  console.log(usage.trim());
  process.exit(0);
}
