import type { HandlerMap } from '../dispatch';

export const importProgressHandlers: HandlerMap = {
  'imports.progress': ({ id }, { progressBoard }) => ({ progress: progressBoard?.get(id) ?? null }),
};
