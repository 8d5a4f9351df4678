import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type InvokeResult } from '../shared/ipc';

/**
 * The whole bridge: one `invoke`. The renderer gets no ipcRenderer, no Node, and no
 * way to name another channel.
 */
contextBridge.exposeInMainWorld('omsBridge', {
  invoke: (operation: string, input: unknown, token: string | null): Promise<InvokeResult> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, String(operation), input, token ?? null),
});
