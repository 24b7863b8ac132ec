/** Where a failure points its reader: the rule's anchor in the README (`rule-<api|generic>-<slug>`). */
export function readmeLink(id: string): string {
  return `README.md#${id}`;
}
