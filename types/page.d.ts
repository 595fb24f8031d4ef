// Globals the page scripts share, and the build's placeholders (xtask replaces them before the
// scripts ship). For `tsc -p jsconfig.json` only; nothing here ships.
export {};
declare global {
  interface Window {
    baclofenBoot: any;
  }
  const __MESSAGES__: Record<string, string>;
  const __WORDS__: Record<string, string>;
}
