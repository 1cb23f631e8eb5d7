import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `npm run dev:console` serves it with hot reload, the engine (ENGINE_URL, default :3000) behind /api; `npm start` serves the build. */
export default defineConfig(({ command }) => {
  // a build is always React's production build: the builder's NODE_ENV (jest's `test`, a shell's `development`) used to
  // leak into the bundle, where it picked React's development build (≈ 70 kB more gzipped on the sign-in page), and
  // the build stamp does not see it, so `npm start` after `npm test` served that build
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return {
    root: here('.'),
    plugins: [react()],
    build: {
      outDir: here('../../dist/console'),
      emptyOutDir: true,
      // the sign-in page's budget is measured gzipped by the browser tests; antd alone is larger than Vite's default warning
      chunkSizeWarningLimit: 1500,
    },
    server: {
      host: '127.0.0.1',
      port: 5173,
      proxy: { '/api': { target: process.env.ENGINE_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
    },
  };
});
