"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { expiresInSeconds, keyNameError, type ExpiryDays } from "@/lib/api-keys/api-key-view";
import { authClient } from "@/lib/auth/auth-client";

/**
 * Creating and revoking API keys. The list comes from the server (props) and is re-read with
 * `router.refresh()` after each change. A new key is held here, in memory, until the person
 * dismisses it: it is shown once and never stored anywhere in the browser.
 */
export function useApiKeys() {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  async function create(name: string, days: ExpiryDays): Promise<boolean> {
    const invalid = keyNameError(name);
    if (invalid) {
      setError(invalid);
      return false;
    }
    if (busy) return false;
    setBusy("create");
    setError(null);
    setNotice(null);
    try {
      const { data, error: failed } = await authClient.apiKey.create({ name: name.trim(), expiresIn: expiresInSeconds(days) });
      if (failed || !data) {
        setError(failed?.message || "The key could not be created. Try again.");
        return false;
      }
      setCreated({ name: name.trim(), key: data.key });
      router.refresh();
      return true;
    } catch {
      setError("The key could not be created: the connection failed. Try again.");
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function revoke(id: string, name: string) {
    if (busy) return;
    setBusy(id);
    setError(null);
    setNotice(null);
    try {
      const { error: failed } = await authClient.apiKey.delete({ keyId: id });
      if (failed) setError(failed.message || "The key could not be revoked. Try again.");
      else setNotice(`"${name}" is revoked: scripts using it are refused within 5 seconds.`);
      router.refresh();
    } catch {
      setError("The key could not be revoked: the connection failed. Try again.");
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, notice, created, dismissCreated: () => setCreated(null), create, revoke };
}
