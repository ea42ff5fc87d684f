// Draws Mötescheck's icons from vector shapes into assets/: a video-meeting speech bubble with a
// shield and check mark over its corner — "the meeting is checked". Run `npm run icons` after
// changing a shape; the PNGs are committed. Shapes live in a unit square (0..1, y down) and are
// rasterised with 8×8 samples per pixel, so every size is drawn, not scaled.
//
//   color.png    192×192  Teams colour icon: white symbol on the accent tile
//   outline.png   32×32   Teams outline icon: white symbol, transparent background, nothing else
//   icon-N.png   16, 32, 64, 80, 128  Outlook ribbon: accent symbol on a transparent background
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Point = [number, number];
type Rgba = [number, number, number, number];
type Shape = (x: number, y: number) => boolean;
/** A layer paints its shape with a colour (fixed, or by position), or clears it (`clear`) back to transparent. */
interface Layer { shape: Shape; color: Rgba | ((x: number, y: number) => Rgba) | 'clear' }

export const ACCENT = '#0E6655';
const ACCENT_RGBA: Rgba = [0x0e, 0x66, 0x55, 255];
const ACCENT_LIGHT: Rgba = [0x16, 0x8f, 0x77, 255];
const WHITE: Rgba = [255, 255, 255, 255];

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function polygon(points: Point[]): Shape {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return (x, y) => {
    if (x < minX || x > maxX || y < minY || y > maxY) return false;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

function quadratic(from: Point, control: Point, to: Point, steps = 24): Point[] {
  const out: Point[] = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * from[0] + 2 * u * t * control[0] + t * t * to[0], u * u * from[1] + 2 * u * t * control[1] + t * t * to[1]]);
  }
  return out;
}

/** A heater shield centred at (cx, cy), `w` wide and `h` tall, grown by `grow` on every side. */
function shield(cx: number, cy: number, w: number, h: number, grow = 0): Shape {
  const hw = w / 2 + grow;
  const hh = h / 2 + grow;
  const top = cy - hh;
  const shoulder = top + h * 0.12;
  const waist = cy + h * 0.05;
  const tip: Point = [cx, cy + hh];
  const points: Point[] = [
    [cx - hw, shoulder],
    [cx, top],
    [cx + hw, shoulder],
    [cx + hw, waist],
    ...quadratic([cx + hw, waist], [cx + hw * 0.92, cy + hh * 0.72], tip),
    ...quadratic(tip, [cx - hw * 0.92, cy + hh * 0.72], [cx - hw, waist]),
  ];
  return polygon(points);
}

/** A stroked polyline with round joins and caps. */
function stroke(points: Point[], width: number): Shape {
  const r2 = (width / 2) ** 2;
  return (x, y) => {
    for (let i = 0; i < points.length - 1; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= r2) return true;
    }
    return false;
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));

/**
 * The symbol: a video camera whose body is a speech bubble (rounded body, tail bottom left, lens to
 * the right), and a shield with a check mark over its lower right corner, parted from it by a gap.
 * `bold` thickens details for the smallest sizes.
 */
function symbol(bold: boolean) {
  const body = roundRect(0.1, 0.2, 0.64, 0.6, 0.09);
  const tail = polygon([[0.2, 0.56], [0.36, 0.56], [0.16, 0.75]]);
  const lens = polygon([[0.6, 0.36], [0.86, 0.22], [0.86, 0.58], [0.6, 0.44]]);
  const bubble = union(body, tail, lens);
  const [cx, cy, w, h] = bold ? [0.67, 0.64, 0.44, 0.52] : [0.68, 0.65, 0.4, 0.48];
  const gap = shield(cx, cy, w, h, bold ? 0.07 : 0.055);
  const plate = shield(cx, cy, w, h);
  const check = stroke([[cx - w * 0.26, cy + h * 0.0], [cx - w * 0.05, cy + h * 0.2], [cx + w * 0.28, cy - h * 0.2]], bold ? 0.09 : 0.065);
  return { bubble, gap, plate, check };
}

/** Renders the layers, later over earlier, at `size`×`size`. */
function render(size: number, layers: Layer[]): PNG {
  const png = new PNG({ width: size, height: size });
  const n = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgba = [0, 0, 0, 0];
          for (const layer of layers) {
            if (!layer.shape(x, y)) continue;
            color = layer.color === 'clear' ? [0, 0, 0, 0] : typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
          }
          // Premultiplied, so that edges against transparency keep their colour.
          r += color[0] * color[3];
          g += color[1] * color[3];
          b += color[2] * color[3];
          a += color[3];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / (n * n));
    }
  }
  return png;
}

/** The tile: a rounded square in a vertical gradient of the accent colour, lighter at the top. */
function tileLayer(): Layer {
  const mix = (k: number, t: number) => Math.round(ACCENT_LIGHT[k]! * (1 - t) + ACCENT_RGBA[k]! * t);
  return { shape: roundRect(0, 0, 1, 1, 0.2), color: (_x, y) => [mix(0, y), mix(1, y), mix(2, y), 255] };
}

/** Shrinks a symbol into the centre of the canvas (Teams keeps the colour icon's symbol inside a safe area). */
function inset(shape: Shape, scale: number): Shape {
  const offset = (1 - scale) / 2;
  return (x, y) => shape((x - offset) / scale, (y - offset) / scale);
}

export function drawColor(size = 192): PNG {
  const s = symbol(false);
  const k = 0.7;
  return render(size, [
    tileLayer(),
    { shape: inset(s.bubble, k), color: WHITE },
    { shape: inset(s.gap, k), color: ACCENT_RGBA },
    { shape: inset(s.plate, k), color: WHITE },
    { shape: inset(s.check, k), color: ACCENT_RGBA },
  ]);
}

export function drawOutline(size = 32): PNG {
  const s = symbol(true);
  const k = 0.94;
  return render(size, [
    { shape: inset(s.bubble, k), color: WHITE },
    { shape: inset(s.gap, k), color: 'clear' },
    { shape: inset(s.plate, k), color: WHITE },
    { shape: inset(s.check, k), color: 'clear' },
  ]);
}

export function drawAddinIcon(size: number): PNG {
  const s = symbol(size <= 32);
  const k = size <= 32 ? 1 : 0.94;
  return render(size, [
    { shape: inset(s.bubble, k), color: ACCENT_LIGHT },
    { shape: inset(s.gap, k), color: 'clear' },
    { shape: inset(s.plate, k), color: ACCENT_RGBA },
    { shape: inset(s.check, k), color: WHITE },
  ]);
}

export const ADDIN_ICON_SIZES = [16, 32, 64, 80, 128] as const;

export function writeIcons(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, PNG][] = [
    ['color.png', drawColor()],
    ['outline.png', drawOutline()],
    ...ADDIN_ICON_SIZES.map((n): [string, PNG] => [`icon-${n}.png`, drawAddinIcon(n)]),
  ];
  for (const [name, png] of files) fs.writeFileSync(path.join(dir, name), PNG.sync.write(png));
  return files.map(([name]) => name);
}

// Run directly: `tsx scripts/icons.ts [DIR]` (default assets/).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  for (const name of writeIcons(dir)) console.log(path.join(dir, name));
}
