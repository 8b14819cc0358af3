/**
 * PactFlow's predefined roles by the names its API gives them: the one list the validator, the
 * planner, the guards, `show` and `export` read. A custom role can never take one of these names.
 * Team Administrator is PactFlow's too: it comes with administering a team and is never assigned.
 */
export const ADMINISTRATOR = 'Administrator';
export const TEAM_ADMINISTRATOR = 'Team Administrator';

export const BUILT_IN_ROLE_NAMES = [
  ADMINISTRATOR,
  'User',
  'CI/CD',
  'Read-Only',
  'Viewer',
  'Guest',
  TEAM_ADMINISTRATOR,
] as const;

/** Built-in names compare as PactFlow compares role names: ignoring case and outer spaces. */
export const isBuiltInRoleName = (name: string): boolean =>
  BUILT_IN_ROLE_NAMES.some((b) => b.toLowerCase() === name.trim().toLowerCase());
