import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Granskningsbänken';
export const DB_FILE_NAME = 'granskningsbanken.sqlite';

/**
 * The per-user data folder, the same place Electron's app.getPath('userData') points to for our
 * product name, so the desktop app, browser mode and the CLI share one workbench by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** `--db` wins, then GRANSKA_DB, then the per-user default. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit);
  if (env.GRANSKA_DB) return path.resolve(env.GRANSKA_DB);
  return path.join(defaultDataDir(env), DB_FILE_NAME);
}
