/**
 * Units by any of their names, inside one transaction: lookups by the
 * folded key of the name or an alias, and creation of new units with their
 * default aliases (imports meet units the registry does not know yet).
 */
import { LOCAL_KINDS, CITY_AGENCY_KINDS, type UnitKind } from '../../domain/units/types.ts';
import { defaultAliases, inferUnitKind, unitCode, unitKey, type Collective } from '../../domain/units/names.ts';
import type { Prisma } from '../generated/client.ts';

type Tx = Prisma.TransactionClient;

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

/** The unit kinds a collective lead unit stands for. */
export function collectiveKinds(c: Collective): readonly UnitKind[] {
  switch (c) {
    case 'LOCALITIES':
      return LOCAL_KINDS;
    case 'CITY_AGENCIES':
      return CITY_AGENCY_KINDS;
    case 'UNIVERSITIES':
      return ['UNIVERSITY'];
    case 'PARTY_BODIES':
      return ['PARTY_BODY'];
    case 'ALL_UNITS':
      return ['PARTY_BODY', 'DEPARTMENT', 'AGENCY', 'COMMUNE', 'WARD', 'SPECIAL_ZONE', 'UNIVERSITY', 'OTHER'];
  }
}

/** "ĐẶC KHU CÁT HẢI" → "Đặc khu Cát Hải": names typed in capitals get a readable case. */
export function displayName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  const titled = trimmed.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  return titled.replace(/^(Đặc|Ủy|Uỷ|Văn|Công) (Khu|Ban|Phòng|An)(?=\s|$)/u, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

export class UnitDirectory {
  private byKey = new Map<string, UnitRow>();
  private byId = new Map<number, UnitRow>();
  private codes = new Set<string>();
  readonly created: UnitRow[] = [];

  private constructor(private readonly tx: Tx) {}

  static async load(tx: Tx): Promise<UnitDirectory> {
    const dir = new UnitDirectory(tx);
    const units = await tx.unit.findMany({ include: { aliases: true } });
    for (const u of units) {
      const row: UnitRow = { id: u.id, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId };
      dir.byId.set(u.id, row);
      dir.codes.add(u.code);
      dir.byKey.set(unitKey(u.name), row);
      for (const a of u.aliases) if (!dir.byKey.has(a.folded)) dir.byKey.set(a.folded, row);
    }
    return dir;
  }

  all(): UnitRow[] {
    return [...this.byId.values()];
  }

  get(id: number): UnitRow | undefined {
    return this.byId.get(id);
  }

  find(name: string): UnitRow | undefined {
    return this.byKey.get(unitKey(name));
  }

  ofKinds(kinds: readonly UnitKind[]): UnitRow[] {
    return this.all().filter((u) => kinds.includes(u.kind));
  }

  /** Finds a unit by name or alias, creating it (with default aliases) when new. */
  async findOrCreate(rawName: string, options: { kind?: UnitKind; parentId?: number | null; aliases?: string[] } = {}): Promise<UnitRow> {
    const found = this.find(rawName);
    if (found) return found;
    const name = displayName(rawName);
    const kind = options.kind ?? inferUnitKind(name);
    let code = unitCode(name) || 'don-vi';
    for (let i = 2; this.codes.has(code); i++) code = `${unitCode(name)}-${i}`;
    const unit = await this.tx.unit.create({ data: { code, name, kind, parentId: options.parentId ?? null } });
    const row: UnitRow = { id: unit.id, code, name, kind, parentId: unit.parentId };
    this.byId.set(row.id, row);
    this.codes.add(code);
    this.created.push(row);
    await this.addAliases(row, [rawName, name, ...defaultAliases(name, kind), ...(options.aliases ?? [])]);
    return row;
  }

  /** Records more names for a unit; a name already used by another unit is skipped (it would be ambiguous). */
  async addAliases(unit: UnitRow, aliases: string[]): Promise<number> {
    let added = 0;
    for (const alias of aliases) {
      const key = unitKey(alias);
      if (!key) continue;
      const owner = this.byKey.get(key);
      if (owner && owner.id !== unit.id) continue;
      const exists = await this.tx.unitAlias.findUnique({ where: { unitId_folded: { unitId: unit.id, folded: key } } });
      if (exists) {
        this.byKey.set(key, unit);
        continue;
      }
      await this.tx.unitAlias.create({ data: { unitId: unit.id, alias: alias.trim(), folded: key } });
      this.byKey.set(key, unit);
      added++;
    }
    return added;
  }

  async update(unit: UnitRow, data: { kind?: UnitKind; parentId?: number | null }): Promise<boolean> {
    const kind = data.kind ?? unit.kind;
    const parentId = data.parentId === undefined ? unit.parentId : data.parentId;
    if (kind === unit.kind && parentId === unit.parentId) return false;
    await this.tx.unit.update({ where: { id: unit.id }, data: { kind, parentId } });
    unit.kind = kind;
    unit.parentId = parentId;
    return true;
  }
}
