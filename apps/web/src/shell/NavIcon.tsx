/** Line icons for the navigation, drawn inline so they are cached with the app and need no font. */
const paths = {
  inbox: "M4 13h4l2 3h4l2-3h4M4 13l2.5-7h11l2.5 7v6H4z",
  start: "M12 5v14M5 12h14",
  cases: "M5 4h10l4 4v12H5zM14 4v5h5M8 13h8M8 17h6",
  profile: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c1.5-4 4.5-6 8-6s6.5 2 8 6",
} as const;

/** Names of the icons the navigation can show. */
export type NavIconName = keyof typeof paths;

/** A 24px stroke icon; decorative, so hidden from assistive technology (the link has the label). */
export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      className="nav-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
