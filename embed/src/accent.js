// The bubble's colour comes from an attribute on the host page, which may hold anything: only a hex
// colour, as the configurator writes it, gets as far as a style.
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const DEFAULT_ACCENT = '#2458d6';

export const readAccent = (value) => {
  const accent = (value || '').trim();
  return HEX.test(accent) ? accent.toLowerCase() : null;
};

// WCAG relative luminance of a colour readAccent accepted.
function luminance(accent) {
  const hex = accent.length === 4 ? accent.replace(/[0-9a-f]/gi, '$&$&').slice(1) : accent.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// White or black, whichever stands out more on the accent: a webmaster's pale yellow needs a dark icon.
export function iconColor(accent) {
  const light = luminance(accent);
  return (1.05 / (light + 0.05)) >= ((light + 0.05) / 0.05) ? '#fff' : '#000';
}
