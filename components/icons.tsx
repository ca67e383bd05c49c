/** Small inline SVG icons; decorative, so hidden from assistive tech. */

const common = {
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 1.6,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
  'aria-hidden': 'true',
  focusable: 'false',
} as const;

/** An arrow leaving a box: "opens elsewhere". */
export function ExternalIcon() {
  return (
    <svg {...common}>
      <path d="M9 3h4v4M13 3 7.5 8.5M11 9.5V12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h2.5" />
    </svg>
  );
}

/** A cross for closing. */
export function CloseIcon() {
  return (
    <svg {...common}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

/** A pushpin for pinning the card. */
export function PinIcon() {
  return (
    <svg {...common}>
      <path d="M6 2.5h4M7 2.5v4L4.5 9h7L9 6.5v-4M8 9v4.5" />
    </svg>
  );
}

/** A warning triangle for "numbers differ". */
export function WarningIcon() {
  return (
    <svg {...common}>
      <path d="M8 2.5 14 13H2L8 2.5ZM8 6.5v3M8 11.3v.1" />
    </svg>
  );
}
