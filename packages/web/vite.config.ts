import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The server serves `dist/` in production (same origin as /api); in development Vite serves the
// app and forwards /api to a server started separately on port 8080 (packages/server).
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
  preview: { proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } } },
});
