/** File types an entry may show with `![alt](…)` or `<img>`: what Astro's image pipeline reads, plus SVG. */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"] as const;

const IMAGE_FILE = new RegExp(`\\.(${IMAGE_EXTENSIONS.join("|")})$`, "i");

/** Whether a path names an image file by its extension (`figure.PNG` counts). */
export function isImageFile(file: string): boolean {
  return IMAGE_FILE.test(file);
}
