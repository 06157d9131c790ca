// The web UI's build: React, one chunk per page (the router loads pages lazily), written into dist/web
// where `sentinel serve` finds it. The bundle-size plugin prints the dashboard's first-load JavaScript.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { bundleSize } from './bundle-size.js';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), bundleSize({ page: 'src/pages/dashboard.tsx', budgetBytes: 300 * 1024 })],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
});
