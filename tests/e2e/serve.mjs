// `make serve`: serves the built bundle like any static host would.
import { startServer } from './server.mjs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '8080' },
    prefix: { type: 'string', default: '/' },
  },
});
const server = await startServer({ root: values.root, prefix: values.prefix, port: Number(values.port) });
console.log(`Serving ${values.root}/ at ${server.url} (Ctrl+C to stop)`);
