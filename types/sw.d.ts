// The build's placeholder in the service worker (xtask replaces it before sw.js ships). For
// `tsc -p jsconfig.sw.json` only; nothing here ships.
export {};
declare global {
  // Every file of the offline copy: [address, Subresource Integrity or null].
  const __PRECACHE__: [string, string | null][];
}
