import pkg from '../../package.json';

/** The app's version, from package.json, for app.info and database provenance. */
export const APP_VERSION: string = pkg.version;
