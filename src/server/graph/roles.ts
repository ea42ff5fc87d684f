// Who holds an app role of Mötescheck's API (e.g. the policy admins, who get the review reminders):
// the role's assignments on the API's service principal, users directly and members of assigned
// groups. Needs the application permissions Application.Read.All and GroupMember.Read.All.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppRole, AppRoleAssignment, ServicePrincipal } from '@microsoft/microsoft-graph-types';
import type { Role } from '../../api/contract';

export interface RoleHolders {
  /** Object ids of the users who hold `role`, each once. */
  holders(role: Role): Promise<string[]>;
}

const seg = (s: string) => encodeURIComponent(s);

async function allPages<T>(client: Client, url: string): Promise<T[]> {
  const out: T[] = [];
  let next: string | undefined = url;
  while (next) {
    const page = (await client.api(next).get()) as { value: T[]; '@odata.nextLink'?: string };
    out.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return out;
}

/** The users in a group, nested groups included (transitive members that are users). */
export async function groupUsers(client: Client, groupId: string): Promise<string[]> {
  const users = await allPages<{ id: string }>(client, `/groups/${seg(groupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`);
  return users.map((u) => u.id);
}

/** Role holders from Graph: `apiAppId` is the API app registration's client id (the tokens' audience). */
export function graphRoleHolders(client: Client, apiAppId: string): RoleHolders {
  return {
    async holders(role) {
      const sps = (await client.api('/servicePrincipals').filter(`appId eq '${apiAppId.replace(/'/g, "''")}'`).select('id,appRoles').get()) as { value: Pick<ServicePrincipal, 'id' | 'appRoles'>[] };
      const sp = sps.value[0];
      if (!sp?.id) throw new Error(`no service principal for the API app ${apiAppId} in the tenant: consent to the app first (docs/deploy.md)`);
      const appRole = (sp.appRoles ?? []).find((r: AppRole) => r.value === role);
      if (!appRole?.id) return [];
      const assignments = await allPages<AppRoleAssignment>(client, `/servicePrincipals/${seg(sp.id)}/appRoleAssignedTo?$top=999`);
      const ids = new Set<string>();
      for (const a of assignments.filter((x) => x.appRoleId === appRole.id && x.principalId)) {
        if (a.principalType === 'User') ids.add(a.principalId!);
        else if (a.principalType === 'Group') for (const u of await groupUsers(client, a.principalId!)) ids.add(u);
      }
      return [...ids].sort();
    },
  };
}
