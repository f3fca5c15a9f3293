// What the command-line scripts share: exit codes (0 done, 2 bad input, then the script's own
// code for an unexpected failure) and writing output to a file or standard output.
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../server/core/types.js';

export function runMain(main: (argv: string[]) => Promise<number>, failureCode = 1): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof InputError || (e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
        console.error(`error: ${(e as Error).message}`);
        process.exit(2);
      }
      console.error(e);
      process.exit(failureCode);
    },
  );
}

export function writeOutput(out: string | undefined, body: string | Buffer): void {
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, body);
    console.error(`wrote ${out}`);
  } else process.stdout.write(body);
}
