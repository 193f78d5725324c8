/** The few icons the client draws, as inline SVG so they need no emoji or icon font. */
const paths = {
  pin: 'M9 2h6l-1 6 4 4v2h-5v7l-1 1-1-1v-7H6v-2l4-4z',
  mute: 'M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0zM3 3l18 18',
  attach: 'M16.5 6.5 8 15a2 2 0 0 0 2.8 2.8l9-9a4 4 0 0 0-5.6-5.6l-9 9a6 6 0 0 0 8.5 8.5L20 14',
} as const;

/** A decorative icon; the control around it carries the accessible name. */
export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
