/** The URL of the seeding worker's module (see `seedWorkerChunk` in vite.config.ts). */
declare module "virtual:wf-seed-worker-url" {
  const url: string;
  export default url;
}
