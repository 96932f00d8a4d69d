import type { InputOf, MethodName, OutputOf } from '../../../shared/contract';
import type { ApiError, Result } from '../../../shared/result';
import { browserSessionToken } from './browser-session';

/** What the Electron preload exposes as `window.bridge`; absent in browser mode. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  openFile(filters: { name: string; extensions: string[] }[]): Promise<{ name: string; bytes: Uint8Array } | { error: string } | null>;
  saveFile(suggestedName: string, content: string | Uint8Array): Promise<{ path: string } | { error: string } | null>;
  /** The save dialog for a pseudonymisation key: the chosen path only (the core writes the file). */
  chooseKeyFile(suggestedName: string): Promise<{ path: string } | { error: string } | null>;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

/** keepalive: the request must outlive the page (a flush started on pagehide); only for small bodies (browsers allow 64 kB). */
export interface CallOptions {
  keepalive?: boolean;
}

export type Transport = (method: string, input: unknown, options?: CallOptions) => Promise<Result<unknown>>;

/** IPC when the preload bridge exists, HTTP to the browser-mode server otherwise. Screens never know which. */
export function defaultTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.bridge : undefined;
  if (bridge) return (method, input) => bridge.invoke(method, input);
  return httpTransport;
}

export const httpTransport: Transport = async (method, input, options) => {
  const token = browserSessionToken();
  try {
    const response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      // The bearer header is the only credential; cookies (which ignore ports) are neither sent nor wanted.
      credentials: 'omit',
      cache: 'no-store',
      body: JSON.stringify(input ?? {}),
      // A save sent while the page unloads (reload, closed tab) is otherwise cancelled with it.
      keepalive: options?.keepalive ?? false,
    });
    if (response.status === 401) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Fliken är inte längre inloggad (servern kan ha startats om). Ladda om sidan, eller öppna den nya länken som skrevs ut i terminalen.' } };
    }
    if (response.status === 403) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Åtkomst nekad: förfrågan godtogs inte som kommande från Granskningsbänkens egen sida.' } };
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Kunde inte nå Granskningsbänken. Kontrollera att programmet är igång.' } };
  }
};

/** Thrown by `api.call` so screens can use try/catch and show `error.apiError.message`. */
export class ApiCallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
  }
}

export interface ApiClient {
  /** Resolves with the value or rejects with ApiCallError carrying the Swedish message. */
  call<K extends MethodName>(method: K, input: InputOf<K>, options?: CallOptions): Promise<OutputOf<K>>;
  /** Returns the result as data, for screens that show issues inline. */
  send<K extends MethodName>(method: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
}

export function createApiClient(transport: Transport = defaultTransport()): ApiClient {
  return {
    send: (method, input) => transport(method, input) as never,
    async call(method, input, options) {
      const result = await transport(method, input, options);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as never;
    },
  };
}

export const api = createApiClient();
