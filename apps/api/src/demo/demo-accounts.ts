import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import { createUsersRepository } from '../modules/users/users.repository.js';

/** The demo password of every demo account (demo mode only; listed in the README). */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.invalid', name: 'Ada Admin', isAdmin: true, roles: [] },
  { email: 'koordinator.3401@demo.invalid', name: 'Kari Koordinator', isAdmin: false, roles: [['3401', 'coordinator']] },
  { email: 'medlem.3401@demo.invalid', name: 'Mats Medlem', isAdmin: false, roles: [['3401', 'member']] },
  { email: 'koordinator.1547@demo.invalid', name: 'Nora Nynorsk', isAdmin: false, roles: [['1547', 'coordinator']] },
] as const;

/** Creates the demo accounts that do not exist yet (fictional people; `.invalid` addresses). */
export async function loadDemoAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const repo = createUsersRepository(tx);
    for (const account of DEMO_ACCOUNTS) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      if (existing) continue;
      const user = await repo.insert({ email: account.email, name: account.name, passwordHash, isAdmin: account.isAdmin });
      for (const [kommunenummer, role] of account.roles) await repo.upsertRole(user.id, kommunenummer, role);
    }
  });
}
