export const ROLES = ['OFFICER', 'UNIT_LEADER', 'CITY_LEADER', 'COMMUNITY_TEAM', 'ADMIN', 'RESIDENT'] as const;
/** officer (cán bộ đầu mối), unit leader, city leader, Digital Community Team, admin/standing office, resident subscriber. */
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['TELEGRAM', 'ZALO', 'CONSOLE'] as const;
export type ChatChannel = (typeof CHANNELS)[number];

export interface PersonRef {
  id: number;
  fullName: string;
  unitId: number | null;
  roles: Role[];
}
