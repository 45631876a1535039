// `shareImages` in daybook.config.ts and DAYBOOK_SHARE_IMAGES: on unless an author turns it off,
// and a value that is neither true nor false stops the build instead of being guessed at.
import { describe, expect, it } from "vitest";
import config from "../../daybook.config.ts";
import { daybookSettings } from "../../src/integration/daybook-settings.ts";

describe("the shareImages setting", () => {
  it("is on by default, also when the config leaves it out", () => {
    expect(daybookSettings({}, "/project").shareImages).toBe(true);
    const { shareImages: _left, ...withoutIt } = config;
    expect(daybookSettings({}, "/project", withoutIt).shareImages).toBe(true);
  });

  it("follows the config, and the environment overrides the config either way", () => {
    expect(daybookSettings({}, "/project", { ...config, shareImages: false }).shareImages).toBe(false);
    expect(daybookSettings({ DAYBOOK_SHARE_IMAGES: "false" }, "/project").shareImages).toBe(false);
    expect(daybookSettings({ DAYBOOK_SHARE_IMAGES: " 0 " }, "/project").shareImages).toBe(false);
    expect(daybookSettings({ DAYBOOK_SHARE_IMAGES: "TRUE" }, "/project", { ...config, shareImages: false }).shareImages).toBe(true);
    expect(daybookSettings({ DAYBOOK_SHARE_IMAGES: "" }, "/project", { ...config, shareImages: false }).shareImages).toBe(false);
  });

  it("refuses a value that is neither true nor false, naming where it was set", () => {
    expect(() => daybookSettings({ DAYBOOK_SHARE_IMAGES: "no" }, "/project")).toThrow(/^DAYBOOK_SHARE_IMAGES in the environment: "no" is neither true nor false\. Write true or false/);
  });
});
