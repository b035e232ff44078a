# syntax=docker/dockerfile:1
# nq57-bot: compiled JavaScript on Node 22 LTS, non-root, production dependencies only.
#   docker build -t nq57-bot .        (or: podman build -t nq57-bot .)
# The Prisma client is generated offline at build (no engine download).
ARG NODE_IMAGE=node:22-bookworm-slim

# ── build: all dependencies, Prisma client, esbuild bundle → dist/ ─────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY domain ./domain
COPY bot ./bot
COPY locales ./locales
RUN node scripts/prisma-generate.mjs && npm run build

# ── deps: production dependencies only ──────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# ── runtime ──────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runtime
# NODE_COMPILE_CACHE: V8's compiled code of dist/ and node_modules kept between starts (scripts/run.mjs
# enables the same for npm start); in /tmp, which the non-root user may write.
ENV NODE_ENV=production PORT=8080 DATA_DIR=/data LOG_FORMAT=json NODE_COMPILE_CACHE=/tmp/node-compile-cache
# ffmpeg converts voice messages for the speech-to-text service (STT_URL).
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.METRICS_PORT||process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
