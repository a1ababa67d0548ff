import {
  ApiClientError,
  accessToken,
  type FieldError,
  request,
  sendToLogin,
  userPath,
} from "@/lib/api-client";
import type { ExportFileType, ImportResult } from "@/lib/transfer/model";

/**
 * The browser's calls to export and import (README.md, "Export and import"). The export goes
 * through api-client's request() (its token, its renewal); the import sends the file itself as
 * the body with XMLHttpRequest, the one browser API that reports upload progress, with
 * api-client's access token (a fresh one on a 401, as request() does).
 */

const NETWORK_MESSAGE = "Can't reach Doable. Check your connection.";

/** The name in a Content-Disposition header (RFC 6266: filename* first, then filename). */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // Not valid percent-encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2];
  // Never a path: a name only.
  return name?.split(/[\\/]/).pop() || undefined;
}

export interface ExportFile {
  blob: Blob;
  filename: string;
}

/**
 * The account's export as a file to save. The body is read as it streams, `onBytes` told how
 * much has come so far; a download cut short throws instead of saving half a file.
 */
export async function fetchExport(
  userId: string,
  type: ExportFileType,
  onBytes?: (received: number) => void,
): Promise<ExportFile> {
  const path = `${userPath(userId, "export")}${type === "csv" ? "?format=csv" : ""}`;
  const response = await request(path, {
    headers: { Accept: type === "csv" ? "text/csv" : "application/json" },
  });
  const chunks: BlobPart[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        onBytes?.(received);
      }
    } else {
      chunks.push(await response.blob());
    }
  } catch {
    throw new ApiClientError(0, "network", "The download was cut short. Try again.");
  }
  const contentType = response.headers.get("Content-Type") ?? "application/octet-stream";
  const today = new Date().toISOString().slice(0, 10);
  return {
    blob: new Blob(chunks, { type: contentType }),
    filename:
      dispositionFilename(response.headers.get("Content-Disposition")) ??
      `doable-export-${today}.${type}`,
  };
}

/** Hands a file to the browser's downloads, through a temporary link. */
export function saveFile({ blob, filename }: ExportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have started reading it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function errorOf(xhr: XMLHttpRequest): ApiClientError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  return new ApiClientError(
    xhr.status,
    typeof error?.code === "string" ? error.code : `http_${xhr.status}`,
    typeof error?.message === "string" ? error.message : `The server answered ${xhr.status}.`,
    Array.isArray(error?.details) ? (error.details as FieldError[]) : undefined,
  );
}

/** Where an import's request is: the file going up, then the server reading and writing it. */
export type ImportProgress =
  | { phase: "uploading"; loaded: number; total: number | null }
  | { phase: "processing" };

export interface ImportOptions {
  dryRun: boolean;
  /** For a Todoist CSV: the project its tasks go into. */
  project?: string;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

function send(
  url: string,
  file: Blob,
  bearer: string,
  { onProgress, signal }: ImportOptions,
): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Authorization", `Bearer ${bearer}`);
    xhr.setRequestHeader("Accept", "application/json");
    // The server tells the format from the content; no type a browser guesses gets in the way.
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) =>
      onProgress?.({
        phase: "uploading",
        loaded: e.loaded,
        total: e.lengthComputable ? e.total : null,
      });
    xhr.upload.onload = () => onProgress?.({ phase: "processing" });
    xhr.onload = () => resolve(xhr);
    xhr.onerror = () => reject(new ApiClientError(0, "network", NETWORK_MESSAGE));
    xhr.onabort = () => reject(new DOMException("The import was cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    onProgress?.({ phase: "uploading", loaded: 0, total: file.size });
    xhr.send(file);
  });
}

/**
 * POST /import with the file as the body: a dry run (what would be created, every row it cannot
 * read) or the real, all-or-nothing import. Throws ApiClientError with the API's code, message
 * and, for a refused import, one `details` entry per row.
 */
export async function sendImport(
  userId: string,
  file: Blob,
  options: ImportOptions,
): Promise<ImportResult> {
  const params = new URLSearchParams();
  if (options.dryRun) params.set("dryRun", "1");
  if (options.project?.trim()) params.set("project", options.project.trim());
  const query = params.toString();
  const url = `${userPath(userId, "import")}${query ? `?${query}` : ""}`;
  for (let attempt = 0; ; attempt++) {
    const xhr = await send(url, file, await accessToken(attempt > 0), options);
    // A token refused early (new server keys, clock skew): once more with a fresh one.
    if (xhr.status === 401 && attempt === 0) continue;
    if (xhr.status === 401) sendToLogin();
    if (xhr.status < 200 || xhr.status >= 300) throw errorOf(xhr);
    try {
      return JSON.parse(xhr.responseText) as ImportResult;
    } catch {
      throw new ApiClientError(xhr.status, "bad_response", "The server's answer was unreadable.");
    }
  }
}
