/**
 * Output producers beyond spec + report + source map (codegen, docs, changelog). Each registers
 * itself with project.ts when imported here.
 */
export {};
