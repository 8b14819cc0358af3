import type { YAMLSeq } from 'yaml';
import { isMap } from 'yaml';
import type { DesiredRole } from '../config/types.js';
import type { LiveRole } from '../state/types.js';
import { nameKey } from '../util/names.js';
import type { FileEditor } from './file-editor.js';

/** A custom role the file defines, after adopt: what changed, or that PactFlow does not have it. */
export interface AdoptedRole {
  name: string;
  changed: ('name' | 'description' | 'permissions')[];
}

/**
 * Each custom role the file defines takes its live name, description and permissions. A role
 * PactFlow does not have is left as it is (plan will create it); a built-in one is not the file's.
 */
export function adoptRoles(
  editor: FileEditor,
  list: YAMLSeq | undefined,
  roles: readonly DesiredRole[],
  live: readonly LiveRole[],
): { adopted: AdoptedRole[]; missing: string[] } {
  const byName = new Map(live.map((r) => [nameKey(r.name), r]));
  const adopted: AdoptedRole[] = [];
  const missing: string[] = [];
  roles.forEach((role, i) => {
    const map = list?.items[i];
    const current = byName.get(nameKey(role.name));
    if (!current) missing.push(role.name);
    if (!current || current.systemDefined || current.serverManaged || !isMap(map)) return;
    const changed: AdoptedRole['changed'] = [];
    if (current.name !== role.name) {
      editor.setScalar(map, 'name', current.name);
      changed.push('name');
    }
    const description = current.description || null;
    if (role.description !== undefined && (role.description || null) !== description) {
      if (description === null) editor.removeKey(map, 'description');
      else editor.setScalar(map, 'description', description);
      changed.push('description');
    }
    const permissions = [...new Set(current.permissions)].sort();
    if (permissions.join('\n') !== role.permissions.join('\n')) {
      editor.setList(map, 'permissions', permissions);
      changed.push('permissions');
    }
    if (changed.length) adopted.push({ name: role.name, changed });
  });
  return { adopted, missing };
}
