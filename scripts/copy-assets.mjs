// After `tsc -p tsconfig.build.json`: the files the compiled code reads beside
// itself (locales, SQL migrations, sample data), copied into dist/ at the same
// relative places, since the code finds them from import.meta.url.
import { cpSync } from 'node:fs';

for (const dir of ['locales', 'prisma/migrations', 'prisma/seed']) cpSync(dir, `dist/${dir}`, { recursive: true });
