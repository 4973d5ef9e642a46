/**
 * Saves a fetched file in the browser under `fileName` (through a hidden link to an object URL,
 * revoked a minute later). For downloads that need the in-memory access token, which a plain link
 * would not carry.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
