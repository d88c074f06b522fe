// Style sheets are bundled by the app's Vite build; to TypeScript they are side-effect imports.
declare module "*.css";
