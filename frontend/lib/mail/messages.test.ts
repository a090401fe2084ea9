import { describe, expect, it } from "vitest";
import { escapeHtml, passwordResetMail, verificationMail } from "./messages";

const LINK = "http://localhost:3000/api/auth/reset-password/abc?callbackURL=%2Fen%2Freset-password&x=1";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in element content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});

describe("mail messages", () => {
  it("the reset mail names the app, carries the link in text and HTML, and says what to do if it was not you", () => {
    const m = passwordResetMail({ email: "ada@example.com", name: "Ada" }, LINK, 60);
    expect(m).toMatchObject({ to: "ada@example.com", subject: "Reset your Tasks password", link: LINK });
    expect(m.text).toContain(LINK);
    expect(m.text).toContain("Tasks");
    expect(m.text).toMatch(/If this wasn't you, ignore this email/);
    expect(m.text).toMatch(/1 hour/);
    expect(m.html).toContain(`href="${LINK.replace(/&/g, "&amp;")}"`);
    expect(m.html).toMatch(/If this wasn&#39;t you/);
  });

  it("the verification mail does the same", () => {
    const m = verificationMail({ email: "ada@example.com", name: "" }, LINK, 24 * 60);
    expect(m.subject).toBe("Confirm your email address for Tasks");
    expect(m.text).toContain("Hello ada@example.com,");
    expect(m.text).toContain(LINK);
    expect(m.text).toMatch(/24 hours/);
    expect(m.text).toMatch(/If you didn't create a Tasks account/);
  });

  it("escapes a name that holds markup in the HTML part", () => {
    const m = verificationMail({ email: "eve@example.com", name: `<img src=x onerror="alert(1)">` }, LINK, 60);
    expect(m.html).not.toContain("<img");
    expect(m.html).toContain("Hello &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,");
    expect(m.text).toContain(`Hello <img src=x onerror="alert(1)">,`);
  });
});
