import type { ExternalToast, toast as sonnerToast } from "sonner";
import { deferred } from "./deferred";

/*
 * Toasts without sonner in the first load (it is some 10 kB): sonner loads on the first toast
 * or while the page is idle (toaster.tsx). A toast asked for before sonner and its Toaster are
 * there waits in a queue, with an id given now so that it can be updated or dismissed meanwhile,
 * and is shown once the Toaster (an aria-live region) is in the page: a region that appears
 * together with its text may not be read out.
 */

export const sonner = deferred(() => import("sonner"));

type Sonner = typeof sonnerToast;
type ToastId = string | number;
type Message = Parameters<Sonner>[0];
type CustomRender = Parameters<Sonner["custom"]>[0];

let queue: ((toast: Sonner) => void)[] = [];
let earlyIds = 0;
let toasterReady = false;

/** sonner's toast, once it has loaded and its Toaster is in the page. */
const ready = (): Sonner | undefined => (toasterReady ? sonner.current?.toast : undefined);

function flush(): void {
  const toast = ready();
  if (!toast) return;
  const waiting = queue;
  queue = [];
  for (const next of waiting) next(toast);
}

/** Runs `call` once sonner is ready, in the order asked. */
function later(call: (toast: Sonner) => void): void {
  queue.push(call);
  // Offline, say: the queue waits for the next toast's attempt.
  sonner.load().then(flush, () => {});
}

/** Called by toaster.tsx once sonner's Toaster is in the page. */
export function toasterMounted(): void {
  toasterReady = true;
  flush();
}

/** Makes a toast now, or queues it with an id of its own (its own `id` if it has one). */
function create(
  make: (toast: Sonner, options: ExternalToast | undefined) => ToastId,
  options: ExternalToast | undefined,
): ToastId {
  const toast = ready();
  if (toast) return make(toast, options);
  earlyIds += 1;
  const id = options?.id ?? `early-${earlyIds}`;
  later((toast) => void make(toast, { ...options, id }));
  return id;
}

const show =
  (kind: "message" | "success" | "error" | "loading") =>
  (message: Message, options?: ExternalToast): ToastId =>
    create((toast, opts) => toast[kind](message, opts), options);

/** sonner's `toast` (the parts this app uses), callable before sonner has loaded. */
export const toast = Object.assign(show("message"), {
  success: show("success"),
  error: show("error"),
  loading: show("loading"),
  custom: (render: CustomRender, options?: ExternalToast): ToastId =>
    create((toast, opts) => toast.custom(render, opts), options),
  dismiss(id?: ToastId): void {
    const toast = ready();
    if (toast) toast.dismiss(id);
    else later((toast) => void toast.dismiss(id));
  },
});
