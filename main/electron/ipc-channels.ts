/** IPC channel names shared by the preload and the main process. */
export const IPC = {
  invoke: 'granska:invoke',
  openFile: 'granska:open-file',
  saveFile: 'granska:save-file',
  chooseKeyFile: 'granska:choose-key-file',
} as const;
