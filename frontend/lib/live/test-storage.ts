import type { EditStorage } from "./saved-edits";

/** localStorage's behaviour over a Map; `quota` characters make setItem throw as a full browser storage does. */
export function memoryStorage(quota = Infinity): EditStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException("full", "QuotaExceededError");
      map.set(key, value);
    },
    removeItem: (key) => void map.delete(key),
  };
}
