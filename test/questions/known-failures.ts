export const KNOWN_FAILURES: Record<string, string> = {};
