/** What kind of body a unit is; collective lead units and questions ("xã nào…") select by kind. */
export const UNIT_KINDS = [
  'CITY', // city-level leadership bodies: Thành ủy, HĐND, UBND thành phố, Ban Chỉ đạo
  'PARTY_BODY', // Ban/Văn phòng/Ủy ban kiểm tra of the city Party committee
  'DEPARTMENT', // Sở, ban, ngành of the city government
  'AGENCY', // other city-level bodies: Công an TP, Mặt trận, associations
  'COMMUNE', // xã
  'WARD', // phường
  'SPECIAL_ZONE', // đặc khu (Cát Hải, Bạch Long Vĩ)
  'UNIVERSITY', // trường đại học
  'OTHER',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Units that report as "localities" (Các xã, phường, đặc khu). */
export const LOCAL_KINDS: readonly UnitKind[] = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'];
/** City agencies (Các sở, ban, ngành thành phố). */
export const CITY_AGENCY_KINDS: readonly UnitKind[] = ['DEPARTMENT', 'PARTY_BODY', 'AGENCY'];

/** A unit as the domain sees it (no database types). */
export interface UnitRef {
  id: number;
  code: string; // stable slug, e.g. "dac-khu-cat-hai"
  name: string; // "Đặc khu Cát Hải"
  kind: UnitKind;
  parentId: number | null;
  aliases: string[]; // other names people use: "ĐK Cát Hải", "Cát Hải", "UBND đặc khu Cát Hải"
}
