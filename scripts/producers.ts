/**
 * Output producers beyond spec + report + source map (codegen, docs, changelog). Each registers
 * itself with project.ts when imported here.
 */
import './codegen/producer.ts';
import './diff/changelog.ts';
export {};
