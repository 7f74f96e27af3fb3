/**
 * Page loader for the exercises page (/pages/exercises): Framework runs it at build time and builds
 * its Markdown output. The page imports every page's exercises, src/compute/<slug>/exercises.ts,
 * one literal import per page in the sidebar's order (Framework bundles literal imports only), so a new
 * page's exercises join the list with no line written here. The list itself is drawn in the
 * browser (src/components/exercises/exerciseList.ts), with the reader's progress.
 */
import { pagesWith } from "../fromPages.js";

/** A slug as part of a JavaScript name: "dropout-toy" → "dropoutToy". */
function identifier(slug: string): string {
  return slug.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The page as Framework Markdown. */
export async function exercisesMarkdown(): Promise<string> {
  const slugs = await pagesWith("exercises.ts");
  const imports = slugs.map((slug) =>
    `import {EXERCISES as ${identifier(slug)}Exercises} from "../compute/${slug}/exercises.js";`
  );
  return `---
title: Exercises
toc: false
---

\`\`\`js
import {exerciseList} from "../components/exercises/exerciseList.js";
${imports.join("\n")}

const EXERCISES = [${slugs.map((slug) => `...${identifier(slug)}Exercises`).join(", ")}];
\`\`\`

# Exercises

Each page ends with exercises on its results: the course's questions with fresh numbers each time
you press "New numbers", an answer box that says whether you are right (and, for a common slip,
what probably went wrong), and a worked solution with the same numbers. There are
\${EXERCISES.length} so far, listed here by topic; each link opens its card on its page.

Your progress is kept in this browser only (its local storage): nothing is sent anywhere, and if
the browser blocks storage the exercises still work, they just forget.

To hand out one exact variant, add \`?seed=\` and a whole number to a page's address: every card on
the page then starts from those numbers.

\`\`\`js
display(exerciseList(EXERCISES));
\`\`\`
`;
}

if (import.meta.main) {
  await Deno.stdout.write(new TextEncoder().encode(await exercisesMarkdown()));
}
