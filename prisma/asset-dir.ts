/**
 * Where a folder shipped beside the code is (prisma/migrations, prisma/seed,
 * locales): looked for from the calling module's folder upwards. In the
 * sources that is the repository root; in the build, dist/, whose bundled
 * modules sit at several depths (dist/bot/main.js, dist/chunks/…), so a fixed
 * `../` from `import.meta.url` cannot name it.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function assetDir(relative: string, moduleUrl: string): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${relative}/ not found in ${start} or any folder above it`);
  }
}
