# The service image for docker-compose.yml. Runs TypeScript directly with tsx (no build step).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx and the type-free runtime are production dependencies; dev tools (vitest, chromium driver) are not needed here.
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY sql ./sql
COPY fixtures ./fixtures
COPY tsconfig.json ./
ENV PORT=8080 PHOTO_DIR=/data/photos
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node_modules/.bin/tsx", "server/main.ts"]
