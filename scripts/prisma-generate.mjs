// Runs `prisma generate` without Prisma's downloaded engines: generating the
// client does not use the schema engine, but the CLI insists that one exists.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies it
// (see ../shared/ARCHITECTURE.md). A real engine set by the caller wins.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ||= process.execPath;
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { env, stdio: 'inherit' });
process.exit(result.status ?? 1);
