export function helper(): number { return 42; }
