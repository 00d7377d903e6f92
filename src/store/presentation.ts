/**
 * Presentation mode in the address bar (`present=1`), so a teacher can bookmark the projector view and
 * open it straight into the big bars and chart. It is a way of looking at a run, not part of the run:
 * it never rebuilds the network and lives outside the run configuration.
 */

export const PRESENT_KEY = 'present';

/** True when the query string asks for presentation mode; anything but 1/true/on reads as off. */
export function parsePresentation(search: string): boolean {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const raw = params.get(PRESENT_KEY)?.trim().toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'on';
}

/** The query-string suffix for a configuration query: "&present=1" when presenting, nothing otherwise. */
export function presentationQuery(presenting: boolean): string {
  return presenting ? `&${PRESENT_KEY}=1` : '';
}
