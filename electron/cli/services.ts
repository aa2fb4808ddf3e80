// What a running command needs beyond parsing its flags, loaded by Cli.create() with a dynamic
// import so that `bro help` and usage errors do not load the schemas, the vault or the letters.
export { CLI_DOOR } from '../services/access/door';
export { call, createHandlers } from '../services/handlers';
export { Session } from '../services/session';
export { readVaultHeader } from '../services/vault/sealed-files';
export { localDeviceId } from './device';
