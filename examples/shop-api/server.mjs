#!/usr/bin/env node
// Runs the example API from the command line:
//   node examples/shop-api/server.mjs [--clean] [--port N]
// With defects by default (it is Sentinel's demo target); --clean starts the twin that follows its description.
import { parseArgs } from 'node:util';
import { startExampleApi } from './app.mjs';
import { ALICE_TOKEN, BOB_TOKEN } from './identities.mjs';

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`shop-api: ${message}\n`);
  process.exit(2);
}

/** @type {{ clean: boolean, port: string }} */
let options = { clean: false, port: '8080' };
try {
  options = parseArgs({ options: { clean: { type: 'boolean', default: false }, port: { type: 'string', default: '8080' } } }).values;
} catch (error) {
  fail(`${/** @type {Error} */ (error).message}; usage: server.mjs [--clean] [--port N]`);
}
const port = Number(options.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${JSON.stringify(options.port)}: expected an integer from 0 to 65535`);

try {
  const api = await startExampleApi({ defects: !options.clean, port });
  process.stdout.write(
    `Example Shop API (${options.clean ? 'clean twin' : 'with seeded defects'}) listening on ${api.url}\n` +
      `  alice (admin): Authorization: Bearer ${ALICE_TOKEN}\n` +
      `  bob (user):    Authorization: Bearer ${BOB_TOKEN}\n`,
  );
  const stop = () => api.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  fail(`cannot listen on 127.0.0.1:${port}: ${/** @type {Error} */ (error).message}`);
}
