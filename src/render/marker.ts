/**
 * The hidden line that marks this tool's pull-request comment, so a bot finds and updates it in
 * place. On its own so that wiring the publish command loads none of the renderers.
 */
export const MARKER = '<!-- pactflow-accounts-plan -->';
