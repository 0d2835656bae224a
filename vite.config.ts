import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The console: plain TypeScript + OpenLayers, built into web/dist and served by the API server.
// One chunk per page (dynamic imports in web/src/main.ts); no source maps in the build, so none is public.
// The service worker (Workbox, generated) precaches the app shell, so the crew app opens offline;
// the crew's route, its tickets and its queued actions live in IndexedDB (web/src/crew/).
export default defineConfig({
  root: 'web',
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  plugins: [
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Tirta Dispatch',
        short_name: 'Tirta',
        description: 'Rute tim URC PDAM / PDAM crew route',
        lang: 'id',
        start_url: '/#/rute',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f7fa',
        theme_color: '#0b4f8a',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/open311\//],
        // The map's boundaries and the utility's settings, kept for a day without network.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname === '/api/v1/boundaries' || url.pathname === '/api/v1/config',
            handler: 'NetworkFirst',
            options: { cacheName: 'tirta-map', networkTimeoutSeconds: 4, expiration: { maxEntries: 20, maxAgeSeconds: 7 * 86_400 } },
          },
        ],
      },
    }),
  ],
});
