"use client";

import { useState } from "react";
import { accountErrorMessage } from "@/lib/account-messages";
import { authClient } from "@/lib/auth-client";

type Status = "idle" | "sending" | "sent" | "error";

export function useResendVerification(email: string, callbackURL: string) {
  const [status, setStatus] = useState<Status>("idle");
  const [message, setMessage] = useState("");

  async function send() {
    if (status === "sending") return;
    setStatus("sending");
    setMessage("");
    try {
      const { error } = await authClient.sendVerificationEmail({ email, callbackURL });
      if (error) {
        setStatus("error");
        setMessage(accountErrorMessage(error));
        return;
      }
      setStatus("sent");
      setMessage(`We've sent a verification link to ${email}.`);
    } catch {
      setStatus("error");
      setMessage(accountErrorMessage({ status: 0 }));
    }
  }

  return { status, message, send };
}
