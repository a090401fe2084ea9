import type { Ref } from "react";
import { TextField } from "../TextField";

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: "current-password" | "new-password";
  error?: string;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled password input with its hint and error wired to it for screen readers. */
export function PasswordField({ onChange, ...field }: Props) {
  return <TextField type="password" onChange={(e) => onChange(e.target.value)} {...field} />;
}
