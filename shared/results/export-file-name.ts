import type { ResultExportFormat } from '../contract/results-export';

/** Longest name part taken from the review, so the whole name stays well inside every file system's limit. */
const MAX_LABEL = 80;

/**
 * The suggested name of a results file: "Resultat – SOF 2024-543 – publicerad.xlsx". It names the
 * review by its Dnr (or its title where it has none) and says which view the file holds, so an
 * internal file is not mistaken for one that may be sent on. A Dnr's "/" and every other
 * character a file system refuses become "-": the name never points into a folder.
 */
export function resultFileName(review: { dnr: string | null; title: string }, view: 'internal' | 'published', format: ResultExportFormat): string {
  const label = safeNamePart(review.dnr ?? '') || safeNamePart(review.title);
  return [`Resultat`, ...(label ? [label] : []), view === 'published' ? 'publicerad' : 'internt'].join(' – ') + `.${format}`;
}

/** A file name part made safe: no folder, nothing a file system refuses or hides (shared with the report's file names). */
export function safeNamePart(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      // Control characters and what Windows, macOS or Linux refuse or read as a path.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '-')
      .slice(0, MAX_LABEL)
      // A leading dot hides a file; Windows drops trailing dots and spaces.
      .replace(/^[\s.]+|[\s.]+$/g, '')
  );
}
