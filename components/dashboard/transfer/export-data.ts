import { toast } from "@/components/ui/toast";
import type { ExportFileType } from "@/lib/transfer/model";
import { fetchExport, saveFile } from "@/lib/transfer-client";
import { reportError } from "../report-error";

/**
 * "Export my data": the export fetched with the access token (a plain link would carry none),
 * then saved through a temporary download link. A toast says it is being prepared, with the
 * size so far, and then that it is saved, or why it failed. Outlives the menu that started it.
 */

let running = false;

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} kB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function exportData(userId: string, type: ExportFileType): Promise<void> {
  if (running) return;
  running = true;
  const label = type === "csv" ? "CSV" : "JSON";
  const id = toast.loading(`Preparing your export (${label})…`);
  let shown = 0;
  try {
    const file = await fetchExport(userId, type, (received) => {
      // A few updates a second at most, as the size grows.
      if (received - shown < 256 * 1024) return;
      shown = received;
      toast.loading(`Preparing your export (${label})… ${size(received)}`, { id });
    });
    saveFile(file);
    toast.success("Export downloaded", {
      id,
      description: `${file.filename}, ${size(file.blob.size)}`,
    });
  } catch (error) {
    toast.dismiss(id);
    reportError(error, "Could not export your data");
  } finally {
    running = false;
  }
}
