/**
 * Runs the fake upstream on its own, for poking at it with curl (see e2e/README.md):
 *   npx tsc --outDir /tmp/fu --module nodenext --moduleResolution nodenext --target es2022 \
 *     --skipLibCheck --types node e2e/support/fake-upstream-cli.ts
 *   echo '{"type":"module"}' > /tmp/fu/package.json && node /tmp/fu/fake-upstream-cli.js
 */
import { startFakeUpstream } from './fake-upstream.js';

const upstream = await startFakeUpstream();
console.log(JSON.stringify({ apiUrl: upstream.apiUrl, storageUrl: upstream.storageUrl, apiKey: upstream.apiKey }));
const stop = () => {
  void upstream.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
