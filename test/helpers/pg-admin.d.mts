export function withDatabase(serverUrl: string, database: string): string;
export function createDatabase(serverUrl: string, name: string): Promise<string>;
export function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<number>;
export function canConnect(serverUrl: string): Promise<boolean>;
