/** The live organization as the planner sees it: normalized, sorted, system accounts only. */
export interface Ref {
  uuid: string;
  name: string;
}

export interface LiveAccountRole extends Ref {
  /** Granted by the server (Team Administrator): never compared, never set. */
  serverManaged: boolean;
  /**
   * A server-managed role's scopes for this account, as PactFlow lists them with it (Team
   * Administrator: `team:manage:<team uuid>` per team administered); shown by `show`, never compared.
   */
  scopes?: string[];
}

export interface LiveAccount {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
  /** Sorted by name. */
  roles: LiveAccountRole[];
  /** Sorted by name. */
  teams: Ref[];
  /** When PactFlow says; shown by `show`, never compared. */
  createdAt?: string;
  lastLogin?: string;
}

export interface LiveRole extends Ref {
  description?: string;
  systemDefined: boolean;
  serverManaged: boolean;
  permissions: string[];
}

export interface LiveCaller {
  uuid: string;
  name: string;
  systemAccount: boolean;
  roles: LiveAccountRole[];
  /** Permission scopes from the caller's roles, as the role catalogue states them. */
  permissions: string[];
}

export interface LiveState {
  caller: LiveCaller;
  roles: LiveRole[];
  teams: Ref[];
  accounts: LiveAccount[];
  /**
   * How many people (human users) hold each role, by role uuid. Read only when a plan changes a
   * custom role's scopes or deletes one; absent otherwise.
   */
  humanRoleHolders?: Record<string, number>;
  /**
   * The names of the people (human users). Read only when the file gives an account a name no
   * live system account has (a create or a rename); absent otherwise, and then not checked.
   */
  personNames?: string[];
}
