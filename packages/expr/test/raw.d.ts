// Vite's `?raw` imports (used to read the README in tests without Node types).
declare module "*?raw" {
  const text: string;
  export default text;
}
