/** The build id Vite writes in (`define` in vite.config.ts). */
declare const __APP_BUILD__: string;
