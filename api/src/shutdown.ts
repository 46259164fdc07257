import type { Logger } from 'pino';

/**
 * Closes cleanly on SIGINT/SIGTERM, once. A stuck connection must not keep the DATA_DIR lock
 * forever, so after 10 s the process exits anyway.
 */
export function shutdownOnSignals(logger: Logger, close: () => Promise<unknown>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'Error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
