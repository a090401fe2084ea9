import { describe, expect, it } from "vitest";
import { backupCodesFile, groupSecret, normaliseBackupCode, normaliseTotpCode, totpSecret } from "./totp";

describe("TOTP helpers", () => {
  it("reads the secret from Better Auth's otpauth URI", () => {
    expect(totpSecret("otpauth://totp/Tasks:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Tasks&digits=6&period=30")).toBe(
      "JBSWY3DPEHPK3PXP",
    );
  });

  it("refuses anything that is not an otpauth URI with a base32 secret", () => {
    expect(totpSecret("https://example.com/?secret=JBSWY3DP")).toBeNull();
    expect(totpSecret("otpauth://totp/x?secret=not*base32")).toBeNull();
    expect(totpSecret("otpauth://totp/x")).toBeNull();
    expect(totpSecret("not a url")).toBeNull();
  });

  it("groups the secret in fours for typing", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPAB")).toBe("JBSW Y3DP EHPK 3PXP AB");
  });

  it("accepts a six-digit code with spaces or a dash, nothing else", () => {
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("123-456")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeNull();
    expect(normaliseTotpCode("12345a")).toBeNull();
  });

  it("keeps a backup code's case and puts back a forgotten dash", () => {
    expect(normaliseBackupCode(" aB3dE-fG5hJ ")).toBe("aB3dE-fG5hJ");
    expect(normaliseBackupCode("aB3dEfG5hJ")).toBe("aB3dE-fG5hJ");
    expect(normaliseBackupCode("123456")).toBeNull();
  });

  it("the download has every code on its own line", () => {
    const file = backupCodesFile(["aaaaa-bbbbb", "ccccc-ddddd"], "ada@example.com");
    expect(file.split("\n")).toEqual(expect.arrayContaining(["aaaaa-bbbbb", "ccccc-ddddd"]));
    expect(file).toContain("ada@example.com");
  });
});
