import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The dark theme follows the system (prefers-color-scheme) through the colour variables of
// globals.css: a colour written by hand in a page's CSS would stay light in the dark.
const css = (file: string) => readFileSync(path.resolve(__dirname, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The top-level rules of a stylesheet as [selector, body], @media blocks opened up. */
function rules(text: string): [string, string][] {
  const found: [string, string][] = [];
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push([m[1].replace(/^[\s\S]*\{/, "").trim(), m[2]]);
  return found;
}

const COLOUR = /#[0-9a-f]{3,8}\b|rgba?\(/i;
// Deliberate: the toast and a dialog's backdrop are dark in both themes; a primary button's text contrasts with the accent.
const ALLOWED = /^\.toast|^\.btn-primary|^:root$|::backdrop$/;

describe("dark theme", () => {
  it("gives every colour variable of :root a value for prefers-color-scheme: dark", () => {
    const text = css("globals.css");
    const light = /:root\s*\{([^}]*)\}/.exec(text)![1];
    const dark = /prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(text)![1];
    const colourVariables = (body: string) =>
      [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].filter(([, , v]) => COLOUR.test(v)).map(([, name]) => name);
    expect(colourVariables(light).length).toBeGreaterThan(8);
    expect(colourVariables(dark).sort()).toEqual(colourVariables(light).sort());
  });

  it.each(["globals.css", "tasks.css", "auth.css"])("%s writes colours only through the variables", (file) => {
    const offending = rules(css(file))
      .filter(([selector, body]) => COLOUR.test(body) && !ALLOWED.test(selector))
      .map(([selector]) => selector);
    expect(offending).toEqual([]);
  });
});
