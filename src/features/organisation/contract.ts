// The organisation API's shapes (成员单位 and 镇街), written once for the server and the web.

/** A 成员单位 as stored. */
export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: 'office' | 'member';
  contactName: string | null;
  contactPhone: string | null;
  position: number;
  active: boolean;
  confirmed: boolean;
}

/** A unit in the list: in order, so without its position; contacts only for roles that see every unit. */
export type ListedUnit = Omit<Unit, 'position' | 'contactName' | 'contactPhone'> &
  Partial<Pick<Unit, 'contactName' | 'contactPhone'>>;

/** GET /api/org/units */
export interface UnitList {
  units: ListedUnit[];
}

/** GET /api/org/units/:id, and what creating or changing a unit answers. */
export interface UnitReply {
  unit: Unit;
}

/** A 镇街 as stored. */
export interface Area {
  id: number;
  code: string;
  name: string;
  kind: 'street' | 'town';
  position: number;
  active: boolean;
}

/** GET /api/org/areas */
export interface AreaList {
  areas: Area[];
}

/** What creating or changing a 镇街 answers. */
export interface AreaReply {
  area: Area;
}
