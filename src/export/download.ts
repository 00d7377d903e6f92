/** Hands a file to the browser's downloads, as a link with a download name would. */
export function downloadFile(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once the click is handled; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name that says what and which network: gradient-lab-learning-speed-784-30-30-10-seed1.csv. */
export function exportFileName(what: string, layers: readonly number[], seed: number, extension: string): string {
  return `gradient-lab-${what}-${layers.join('-')}-seed${seed}.${extension}`;
}
