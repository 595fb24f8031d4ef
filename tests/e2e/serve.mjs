// `make serve`: serves the built bundle like any static host would.
import { startServer } from './server.mjs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '8080' },
    prefix: { type: 'string', default: '/' },
    // Serve this file as config.json instead of the one in the root (used by `make example`).
    config: { type: 'string' },
  },
});
const overrides = values.config ? { 'config.json': (await import('node:fs')).readFileSync(values.config) } : {};
const server = await startServer({ root: values.root, prefix: values.prefix, port: Number(values.port), overrides });
console.log(`Serving ${values.root}/ at ${server.url} (Ctrl+C to stop)`);
