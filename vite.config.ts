import { defineConfig } from 'vite';

// The console: plain TypeScript + OpenLayers, built into web/dist and served by the API server.
export default defineConfig({
  root: 'web',
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
