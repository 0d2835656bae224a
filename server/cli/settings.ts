import { ConfigError, loadConfig, type Config } from '../platform/config.js';

/** The settings for a command; bad ones end it with the same plain message as the server's start (exit 2). */
export function settingsOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  }
}
