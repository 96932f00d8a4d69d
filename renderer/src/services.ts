import { api as defaultApi, type ApiClient } from './api/client';
import { chooseKeyFile as defaultChooseKeyFile, pickFile as defaultPickFile, saveBinaryFile as defaultSaveBinaryFile, saveFile as defaultSaveFile } from './api/files';

/**
 * The outside world as seen by the stores: the API client and the file dialogs. Tests swap them
 * with `configureServices` (e.g. `createApiClient(fakeTransport)`); screens never import them directly.
 */
export interface Services {
  api: ApiClient;
  pickFile: typeof defaultPickFile;
  saveFile: typeof defaultSaveFile;
  saveBinaryFile: typeof defaultSaveBinaryFile;
  chooseKeyFile: typeof defaultChooseKeyFile;
}

const defaults: Services = { api: defaultApi, pickFile: defaultPickFile, saveFile: defaultSaveFile, saveBinaryFile: defaultSaveBinaryFile, chooseKeyFile: defaultChooseKeyFile };
let current: Services = { ...defaults };

export const services = (): Services => current;

export function configureServices(overrides: Partial<Services>): void {
  current = { ...current, ...overrides };
}

export function resetServices(): void {
  current = { ...defaults };
}
