/** Types for the `punycode` npm package (it ships none); its ES module file is imported by path so Node never picks its deprecated built-in. */
declare module "punycode/punycode.es6.js" {
  export function toUnicode(input: string): string;
  export function toASCII(input: string): string;
}
