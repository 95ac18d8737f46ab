# syntax=docker/dockerfile:1
# Multi-stage build: compile the API and the web app, then run them as a non-root user.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nx run-many -t build -p api web --parallel=2

FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 WAYPOINT_DATA_DIR=/data
# Heap budget. Without it V8 sizes the heap to the machine (up to 4x the live data between full
# GCs) and RSS climbs for minutes under steady load; with it RSS stays flat (docs/reliability.md,
# Soak). Keep the container's memory limit ~250 MiB above it. `npm run soak` and `npm run bench`
# read this line and run the app with the same options.
ENV NODE_OPTIONS="--max-old-space-size=768"
# Two glibc malloc arenas instead of up to 8 per core: every thread that allocates (libuv's pool,
# V8's compiler and GC threads) otherwise gets an arena of its own that keeps what it once held
# (peak RSS under load ~12 MB lower, docs/performance.md). Read at process start, so it is an
# environment setting; `npm start`, `npm run bench` and `npm run soak` read this line too.
ENV MALLOC_ARENA_MAX=2
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/api/main.js"]
