// npm start runs this first: the engine serves the console from dist/console, built when missing or stale.
import { ensureConsoleBuilt } from './console-build.js';

await ensureConsoleBuilt();
