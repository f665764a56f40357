import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidIdentityNumber, normaliseIdentityNumber } from '@expediente/domain';
import { StaffDirectory, StaffMember } from './staff-directory.port';

const staffFile = z.array(
  z
    .object({
      id: z.string().refine(isValidIdentityNumber, 'must be a checksum-valid DNI/NIE'),
      name: z.string().trim().min(1),
      roles: z.array(z.enum(['reviewer', 'supervisor'])).min(1),
      unit: z.string().regex(/^(INSS-\d{2}|ICAM)$/, "must be a medical unit id such as 'INSS-28' or 'ICAM'"),
    })
    .strict(),
);

/** The development directory: a fixtures file read once at start (fixtures/staff.json). */
export class LocalStaffDirectory implements StaffDirectory {
  private readonly byId: ReadonlyMap<string, StaffMember>;

  constructor(members: readonly StaffMember[]) {
    this.byId = new Map(members.map((member) => [normaliseIdentityNumber(member.id), member]));
  }

  static fromFile(path: string): LocalStaffDirectory {
    const parsed = staffFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not a staff directory: ${parsed.error.message}`);
    return new LocalStaffDirectory(
      parsed.data.map((member) => ({ ...member, id: normaliseIdentityNumber(member.id) })),
    );
  }

  async find(id: string): Promise<StaffMember | undefined> {
    return this.byId.get(normaliseIdentityNumber(id));
  }

  async inUnit(unit: string): Promise<readonly StaffMember[]> {
    return [...this.byId.values()]
      .filter((member) => member.unit === unit)
      .sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }
}
