// The real server (storage, lock, seeding, HTTP) as `npm start` runs it, minus the editor build,
// for tests that spawn, kill and restart it.
import { loadConfig } from '../../../api/src/config';
import { startServer } from '../../../api/src/server';

const running = await startServer(loadConfig(), { editorDist: null });
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
