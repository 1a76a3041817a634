/** Hands a fetched file to the browser's downloads under its own name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: the download has to have started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
