/** Output formats of plan and apply; apart from planning.ts so that wiring a command loads nothing heavy. */
export const FORMATS = ['text', 'markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];
