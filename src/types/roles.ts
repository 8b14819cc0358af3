/**
 * A custom role as this tool writes it: what a create or a full-replace update of a role sends
 * (permissions are scopes), and what a plan's role step carries.
 */
export interface RoleDefinition {
  name: string;
  description?: string;
  permissions: string[];
}
