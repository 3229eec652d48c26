// Builds the web app into web/dist/ (index.html + hashed assets), which `yardstick serve
// --web-root web/dist` serves. Nothing is inlined into index.html: the server's
// Content-Security-Policy allows scripts and styles from 'self' only.
// `npm run dev` serves the sources with the API proxied to a running `yardstick serve --port 8080`.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2022",
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
