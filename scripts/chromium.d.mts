export declare const DEBIAN_CHROMIUM: string;
export declare const INSTALL_ADVICE: string;
export interface FoundChromium {
  /** Undefined for Playwright's own browser, which Playwright finds itself. */
  executablePath: string | undefined;
  source: 'CHROMIUM_PATH' | 'debian' | 'playwright';
}
export declare function findChromium(): FoundChromium | undefined;
/** One `playwright install chromium`, killed with its helpers after timeoutMs; resolves whether it succeeded. */
export declare function installPlaywrightChromium(timeoutMs: number): Promise<boolean>;
export declare function ensureChromium(options?: {
  log?: (line: string) => void;
  timeoutMs?: number;
  install?: (timeoutMs: number) => Promise<boolean>;
  find?: () => FoundChromium | undefined;
}): Promise<FoundChromium | undefined>;
