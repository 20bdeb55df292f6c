/** One ts-morph project setup for every generated TypeScript file (2-space indent, double quotes). */
import { IndentationText, Project, QuoteKind } from 'ts-morph';

export function codegenProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
}
