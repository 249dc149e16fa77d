/** Links: URL and domain risk facts and the `url:*` signal detector. */
export { analyzeUrl, type UrlAnalysis, type UrlFact, type UrlFactId } from "./analyze-url.js";
export { findLookalike, findBrandToken, skeleton, editDistance, type Lookalike } from "./lookalike.js";
export { linkDetector, findLinks } from "./detector.js";
export { SHORTENERS, SUSPICIOUS_TLDS, BRANDS, type Brand } from "./brands.js";
