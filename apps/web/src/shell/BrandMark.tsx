/**
 * The app's mark (public/icon.svg) drawn inline. An `<img>` of an SVG costs a request and a
 * document of its own on the main thread each time the shell is mounted (the static shell, the
 * first paint and the app all mount one); inline it is part of the page. index.html repeats
 * these shapes for the static shell: change both together.
 */
export function BrandMark() {
  return (
    <svg
      className="brand-mark"
      viewBox="0 0 512 512"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="512" height="512" rx="112" fill="#b3151c" />
      <path
        d="M150 150h120a50 50 0 0 1 50 50v0a50 50 0 0 1-50 50H242a50 50 0 0 0-50 50v0a50 50 0 0 0 50 50h120"
        fill="none"
        stroke="#fff"
        strokeWidth="28"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="150" cy="150" r="42" fill="#fff" />
      <circle cx="362" cy="350" r="58" fill="#ffd24a" />
      <path
        d="M336 350l18 18 34-36"
        fill="none"
        stroke="#b3151c"
        strokeWidth="20"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
