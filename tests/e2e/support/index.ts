export { launchBrowser, CHROMIUM_PATH, CHROMIUM_ARGS } from './browser';
export { startTestServer, TEST_ADMIN, type TestServer } from './server';
export { ensureEditorBuilt, EDITOR_DIST, REPO_ROOT } from './editorBuild';
export { login } from './login';
export { artifactPath, ARTIFACTS_DIR, publishScreenshot } from './artifacts';
