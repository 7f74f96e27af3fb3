/** Link values the browser tests use, per page path: shared by quality.test.ts and links.test.ts. */
import { pagePath, PAGES, type RefusedLink } from "../../src/site.ts";

/** Out-of-range link values each page must refuse, from the manifest (src/site.ts). */
export const refusedLinkValues: Record<string, readonly RefusedLink[]> = Object.fromEntries(
  PAGES.map((page) => [pagePath(page), page.refusedLinks]),
);
