// The review area still imports If-Match parsing from here; it lives in problem/if-match.ts.
export { parseIfMatch } from '../problem/if-match';
