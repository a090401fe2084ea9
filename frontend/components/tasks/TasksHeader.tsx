import Link from "next/link";
import { accountPath, type Locale } from "@/lib/http/paths";
import { TopBar } from "../TopBar";

interface Props {
  email: string;
  locale: Locale;
  signingOut: boolean;
  onSignOut: () => void;
}

/** The tasks page's top bar: who is signed in, the account page, and signing out. */
export function TasksHeader({ email, locale, signingOut, onSignOut }: Props) {
  return (
    <TopBar email={email}>
      <Link href={accountPath(locale)} className="btn btn-ghost btn-small">
        Account
      </Link>
      <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut} disabled={signingOut}>
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </TopBar>
  );
}
