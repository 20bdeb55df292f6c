import type { SourceDocument } from '../extract/types.ts';
import type { ApiModel } from '../model/types.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export interface DialectResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

/**
 * A vendor dialect: recognises a manual's style and turns its lines into an ApiModel.
 * A new vendor is a new folder under scripts/dialects/ exporting one of these.
 */
export interface Dialect {
  /** Folder / config name, e.g. `alibaba-rpc`. */
  id: string;
  description: string;
  /**
   * Confidence in [0, 1] that the document is written in this dialect. Must be cheap: it looks at
   * a bounded number of lines.
   */
  detect(doc: SourceDocument): number;
  /** Parse the document. Never throws for content problems: they become diagnostics. */
  parse(doc: SourceDocument): DialectResult;
}
