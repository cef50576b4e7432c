// Server-side rendering of the "verified creator" badge as inline SVG.

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

export function verifiedBadge(size = 16): string {
  return [
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" width="${size}" height="${size}" viewBox="0 0 16 16">`,
    `<circle cx="8" cy="8" r="8" fill="#2e7d32"/>`,
    `<path d="M4 8l3 3 5-6" stroke="#fff" stroke-width="2" fill="none"/>`,
    `</svg>`,
  ].join("");
}
