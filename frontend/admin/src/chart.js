// A stacked bar chart per week, drawn as SVG: no chart library needed for bars, an axis and a legend.

const NS = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A "nice" axis maximum and step for values up to max (1, 2 or 5 times a power of ten). */
export function niceScale(max, ticks = 4) {
  if (max <= 0) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return { top: step * Math.ceil(max / step), step };
}

/**
 * labels: x labels; series: [{key, label, color, values: number[]}] stacked bottom-up.
 * Returns an <svg> with role="img" and a title that says what it shows.
 */
export function stackedBars({ labels, series, title, width = 720, height = 260, format = String }) {
  const pad = { top: 12, right: 12, bottom: 28, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals));
  const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart", width: "100%", preserveAspectRatio: "xMidYMid meet" });
  svg.append(el("title", {}, title));
  for (let v = 0; v <= top; v += step) {
    const y = pad.top + plotH - (v / top) * plotH;
    svg.append(el("line", { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: "grid-line" }));
    svg.append(el("text", { x: pad.left - 6, y: y + 4, "text-anchor": "end", class: "axis" }, format(v)));
  }
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(4, Math.min(36, slot * 0.6));
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    const x = pad.left + slot * i + (slot - barW) / 2;
    let y = pad.top + plotH;
    for (const s of series) {
      const value = s.values[i] || 0;
      if (!value) continue;
      const barH = (value / top) * plotH;
      y -= barH;
      const rect = el("rect", { x, y, width: barW, height: barH, fill: s.color, class: `bar bar-${s.key}` });
      rect.append(el("title", {}, `${label} · ${s.label}: ${format(value)}`));
      svg.append(rect);
    }
    if (i % every === 0) {
      svg.append(el("text", { x: x + barW / 2, y: height - 8, "text-anchor": "middle", class: "axis" }, label));
    }
  });
  return svg;
}
