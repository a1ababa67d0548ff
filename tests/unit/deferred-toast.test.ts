import { describe, expect, it } from "vitest";
import { deferred } from "@/components/ui/deferred";

describe("deferred", () => {
  it("loads once, and again after a failure (a chunk that did not arrive)", async () => {
    let calls = 0;
    let offline = true;
    const module = deferred(async () => {
      calls += 1;
      if (offline) throw new Error("offline");
      return { value: 42 };
    });
    await expect(module.load()).rejects.toThrow("offline");
    expect(module.current).toBeUndefined();

    offline = false;
    const loaded = await module.load();
    await module.load();
    expect(calls).toBe(2);
    expect(module.current).toBe(loaded);
    await expect(module.loaded).resolves.toBe(loaded);
  });

  it("preload() leaves a failure to the next use instead of rejecting", async () => {
    const module = deferred(() => Promise.reject(new Error("offline")));
    expect(() => module.preload()).not.toThrow();
    await expect(module.load()).rejects.toThrow("offline");
  });
});

describe("toasts asked for before sonner is there", () => {
  it("wait for sonner and its Toaster, keep their order, and can be updated or dismissed meanwhile", async () => {
    // sonner delays a dismissal by a frame; Node has no frames.
    globalThis.requestAnimationFrame ??= (callback) =>
      setTimeout(() => callback(0), 0) as unknown as number;
    globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle);
    const { sonner, toast, toasterMounted } = await import("@/components/ui/toast");
    const real = await import("sonner");

    const deleted = toast("Deleted “Milk”", { action: { label: "Undo", onClick: () => {} } });
    const preparing = toast.loading("Preparing your export…");
    const dropped = toast.error("Couldn't save");
    toast.success("Export downloaded", { id: preparing });
    toast.dismiss(dropped);
    expect(new Set([deleted, preparing, dropped]).size).toBe(3);

    // sonner has loaded, but without its Toaster (the live region) nothing is shown yet.
    await sonner.load();
    expect(real.toast.getToasts()).toEqual([]);

    toasterMounted();
    const shown = real.toast.getToasts() as { id: string | number; title?: unknown }[];
    expect(shown.map((t) => [t.id, t.title])).toEqual([
      [deleted, "Deleted “Milk”"],
      [preparing, "Export downloaded"],
    ]);

    // From now on toasts go to sonner at once, with sonner's own ids.
    const later = toast("Snoozed for 10 minutes");
    expect(real.toast.getToasts().map((t) => t.id)).toContain(later);
  });
});
