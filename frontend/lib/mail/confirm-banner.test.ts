import { describe, expect, it } from "vitest";
import { confirmBannerText, resendRefusedText, resentText } from "./confirm-banner";

describe("the confirm-your-address banner's words", () => {
  it("says what was sent, where and why; the outbox only on a local run", () => {
    const smtp = confirmBannerText("ada@example.com", null);
    expect(smtp.sent).toBe("We sent a confirmation link to ada@example.com.");
    expect(smtp.why).toMatch(/password-reset links go/);
    expect(smtp.outbox).toBeNull();
    expect(confirmBannerText("ada@example.com", "/srv/tasks/.data/outbox").outbox).toMatch(
      /a file in \/srv\/tasks\/\.data\/outbox/,
    );
  });

  it("a 429 says when to try again and the per-address limit", () => {
    expect(resendRefusedText(429, "42")).toMatch(
      /^Too many requests for a new link: try again in 42 s\. .*at most 3 links in 15 minutes/,
    );
    expect(resendRefusedText(429, null)).toMatch(/try again in a minute/);
    expect(resendRefusedText(0, null)).toMatch(/Can't reach the server/);
    expect(resentText("ada@example.com")).toMatch(/^We sent a new link to ada@example\.com\./);
  });
});
