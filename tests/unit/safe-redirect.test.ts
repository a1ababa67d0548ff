import { describe, expect, it } from "vitest";
import { afterLoginPath, safeNextPath } from "@/lib/auth/safe-redirect";

describe("safeNextPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard?filter=open#top", "/dashboard?filter=open#top"],
    ["/a?x=//b", "/a?x=//b"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/dashboard",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "dashboard",
    "",
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBeNull();
  });

  it("takes the first of repeated parameters and handles absence", () => {
    expect(safeNextPath(["/one", "/two"])).toBe("/one");
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });

  it("falls back to the dashboard", () => {
    expect(afterLoginPath("//evil.example")).toBe("/dashboard");
    expect(afterLoginPath(undefined)).toBe("/dashboard");
    expect(afterLoginPath("/settings")).toBe("/settings");
  });
});
