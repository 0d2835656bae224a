# The service image for docker-compose.yml: the API and the web console at /.
# Runs TypeScript directly with tsx (no server build step); the console is built by Vite.

# ---- the console: web/ -> web/dist (Vite and OpenLayers are dev dependencies)
FROM node:20-bookworm-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY vite.config.ts tsconfig.json ./
COPY web ./web
RUN npx vite build --logLevel warn && test -f web/dist/index.html

# ---- the service
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx is a production dependency; dev tools (vitest, eslint, vite, the browser driver) stay out.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY server ./server
COPY sql ./sql
COPY fixtures ./fixtures
COPY tsconfig.json ./
# server/platform/http/web.ts serves /app/web/dist at / (without it, / would show the API docs).
COPY --from=console /app/web/dist ./web/dist
ENV PORT=8080 PHOTO_DIR=/data/photos
EXPOSE 8080
# Not root: the photo volume is made for the node user.
RUN mkdir -p /data/photos && chown node:node /data/photos
USER node
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# fixtures/start-demo.ts starts server/main.ts and loads the Makassar demo into an empty database
# (SEED_DEMO=false: the bare service); NODE_ENV=production refuses demo passwords.
CMD ["node_modules/.bin/tsx", "fixtures/start-demo.ts"]
