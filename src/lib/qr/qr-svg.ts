import QRCode from 'qrcode';
import { escapeHtml } from '../text/html';

/** Error-correction levels allowed on posters: M (15 %) or better, since printouts get creased and dirty. */
export type PosterErrorCorrection = 'M' | 'Q' | 'H';

export interface QrSvgOptions {
  /** Error-correction level; at least M. Default M (denser codes scan worse from a distance). */
  errorCorrectionLevel?: PosterErrorCorrection;
  /** Quiet zone in modules; the QR standard asks for at least 4. Default 4. */
  margin?: number;
  /** Accessible name of the image (what the code opens). */
  label?: string;
}

/** A QR code as SVG markup plus the facts a test or a page may want to check. */
export interface QrSvg {
  svg: string;
  /** QR version (1–40): the symbol has 17 + 4 × version modules per side. */
  version: number;
  /** Modules per side including the quiet zone (the SVG's viewBox size). */
  size: number;
  errorCorrectionLevel: PosterErrorCorrection;
  margin: number;
}

const ALLOWED_LEVELS: readonly string[] = ['M', 'Q', 'H'];

/**
 * Encodes text as a QR code and returns inline SVG, built at build time (no script on the page).
 *
 * One module is one SVG unit: the viewBox is the symbol plus its quiet zone, so the code scales to
 * any printed size without blurring. Dark modules are drawn as horizontal runs on a white square
 * that covers the quiet zone (a poster printed on coloured paper keeps its light border).
 */
export function qrSvg(text: string, options: QrSvgOptions = {}): QrSvg {
  const errorCorrectionLevel = options.errorCorrectionLevel ?? 'M';
  const margin = options.margin ?? 4;
  if (!ALLOWED_LEVELS.includes(errorCorrectionLevel)) {
    throw new Error(`Poster QR codes need error correction M or better, not "${errorCorrectionLevel}"`);
  }
  if (!Number.isInteger(margin) || margin < 4) throw new Error(`The quiet zone must be at least 4 modules, not ${margin}`);

  const qr = QRCode.create(text, { errorCorrectionLevel });
  const modules = qr.modules;
  const count = modules.size;
  const size = count + 2 * margin;

  let path = '';
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      path += `M${start + margin} ${row + margin}h${col - start}v1h-${col - start}z`;
    }
  }

  const a11y = options.label ? `role="img" aria-label="${escapeHtml(options.label)}"` : 'aria-hidden="true"';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ${a11y} shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/>` +
    `</svg>`;
  return { svg, version: qr.version, size, errorCorrectionLevel, margin };
}
