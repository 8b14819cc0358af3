/**
 * PactFlow's JSON shapes for the admin API subset this project uses (see PACTFLOW_API.md). The
 * emulator produces them and the client checks them; they share these types, not logic.
 */
export interface HalLink {
  href: string;
  title?: string;
}

export interface WirePermission {
  scope: string;
  name?: string;
  label?: string;
  group?: string;
  description?: string;
}

export interface WireRoleRef {
  uuid: string;
  name: string;
  permissions?: WirePermission[];
  _links?: Record<string, HalLink>;
}

export interface WireUser {
  uuid: string;
  name: string;
  email?: string;
  active: boolean;
  type: 0 | 1;
  typeDescription: 'User' | 'System Account';
  createdAt: string;
  updatedAt: string;
  lastLogin?: string;
  _embedded: {
    roles: WireRoleRef[];
    teams: { uuid: string; name: string; _links?: Record<string, HalLink> }[];
  };
  _links: { self: HalLink };
}

export interface WireRole {
  uuid: string;
  name: string;
  description?: string;
  systemDefined: boolean;
  permissions: WirePermission[];
  createdAt: string;
  _links: { self: HalLink };
}

export interface WireTeam {
  uuid: string;
  name: string;
  numberOfMembers: number;
  createdAt: string;
  _embedded?: { members?: WireUser[]; administrators?: WireUser[] };
  _links: { self: HalLink };
}

export interface WirePage {
  number: number;
  size: number;
  totalElements: number;
  totalPages: number;
}

export const ADMINISTRATOR_ROLE_UUID = 'cf75d7c2-416b-11ea-af5e-53c3b1a4efd8';
export const TEAM_ADMINISTRATOR_ROLE_UUID = 'd635f960-88f2-4f13-8043-4641a02dffa0';
export const TEAM_ADMINISTRATOR_ROLE_NAME = 'Team Administrator';
