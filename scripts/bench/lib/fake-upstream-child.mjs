// Child process: runs the bundled e2e fake upstream and prints its URLs as one JSON line.
// argv: <bundle.mjs> <media dir> <api key>
import { pathToFileURL } from 'node:url';

const [bundle, mediaDir, apiKey] = process.argv.slice(2);
const { startFakeUpstream } = await import(pathToFileURL(bundle).href);
const upstream = await startFakeUpstream({ mediaDir, apiKey });
process.stdout.write(`${JSON.stringify({ apiUrl: upstream.apiUrl, storageUrl: upstream.storageUrl, apiKey: upstream.apiKey })}\n`);
const stop = () => {
  void upstream.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Never outlive the bench: exit when the parent goes away.
process.stdin.on?.('end', stop);
