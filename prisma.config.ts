// Prisma CLI configuration. The app itself never runs the CLI's migrate
// commands: it applies prisma/migrations on start-up (prisma/migrate.ts).
// On a machine with Prisma's engines, `prisma migrate deploy` agrees with it.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
