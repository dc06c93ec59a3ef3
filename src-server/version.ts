import packageJson from '../package.json';

/** The server's software version, as /v1/health reports it. */
export const SERVER_VERSION: string = packageJson.version;
