import { escapeXml } from "./escape-xml.ts";

/** The Open Graph card of an entry as SVG (1200×630): "Day N", the title, its tags and the site. */
export interface OgCard {
  day: number;
  title: string;
  tags: string[];
  site: string;
}


/** Greedy word wrap by an average glyph width; long titles end in an ellipsis on the last line. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, maxChars - 1).replace(/\s+\S*$/, "")}…`;
  return kept;
}

/**
 * The site line of a card: the site's host and base path ("example.github.io/daybook"), or the
 * journal's title when there is no site. The page that serves a card and the build step that
 * renders it ahead both call this, so that they agree on the card, byte for byte.
 */
export function ogCardSite(site: string | URL | undefined, base: string, title: string): string {
  const host = site ? new URL(site).host : "";
  return `${host}${base}`.replace(/\/$/, "") || title;
}

export function ogCardSvg(card: OgCard): string {
  const title = wrapText(card.title, 30, 3);
  const tags = card.tags.slice(0, 4).join("  ·  ");
  // Presentation attributes, not CSS: the rasteriser ignores the `font` shorthand in <style>.
  const font = `font-family="DejaVu Sans"`;
  const titleLines = title.map((line, i) => `<text x="80" y="${250 + i * 78}" ${font} font-size="64" font-weight="bold" fill="#0d1117">${escapeXml(line)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/><rect width="24" height="630" fill="#1d4ed8"/>
<text x="80" y="140" ${font} font-size="34" font-weight="bold" fill="#1d4ed8">Day ${card.day}</text>${titleLines}
<text x="80" y="540" ${font} font-size="28" fill="#57606a">${escapeXml(tags)}</text>
<text x="1120" y="590" ${font} font-size="28" fill="#57606a" text-anchor="end">${escapeXml(card.site)}</text>
</svg>`;
}
