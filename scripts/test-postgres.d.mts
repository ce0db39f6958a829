export const LOCAL_POSTGRES: string;
export interface TestPostgres {
  url: string;
  pid?: number;
  dataDir?: string;
  stop(): void;
}
export function ensureTestPostgres(log?: (msg: string) => void): Promise<TestPostgres>;
