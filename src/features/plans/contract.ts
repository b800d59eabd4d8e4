// What the plans feature's routes answer (shared with the web app): the plan cycles (规划周期).

export interface CycleItem {
  id: string;
  name: string;
  region: string;
  start: number;
  end: number;
  baseYear: number;
  /** New rounds belong to the current cycle; pages show it unless the user picks another. */
  current: boolean;
}

export interface CycleList {
  cycles: CycleItem[];
}
