/** The part of js-yaml 4 this project uses (the package ships no types). */
declare module 'js-yaml' {
  export interface Schema {
    readonly __brand: 'js-yaml schema';
  }
  /** YAML 1.2 core: null, booleans, integers, floats and strings; no merge keys, no timestamps. */
  export const CORE_SCHEMA: Schema;
  export function load(
    source: string,
    options?: {
      schema?: Schema;
      /** false (the default): a duplicate key is an error. */
      json?: boolean;
      filename?: string;
    },
  ): unknown;
}
