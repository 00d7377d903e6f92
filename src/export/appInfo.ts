/** The name and version every exported file carries, so a file found later says what made it. */
import packageJson from '../../package.json';

export const APP_NAME = 'Gradient Lab';
export const APP_VERSION: string = packageJson.version;
