import Link from "next/link";
import { accountPath, type Locale } from "@/lib/paths";
import { Logo } from "../Logo";

interface Props {
  email: string;
  locale: Locale;
  signingOut: boolean;
  onSignOut: () => void;
}

export function TasksHeader({ email, locale, signingOut, onSignOut }: Props) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Logo />
        <div className="account">
          <span className="account-email" data-testid="user-email" title={email}>
            {email}
          </span>
          <Link href={accountPath(locale)} className="btn btn-ghost btn-small">
            Account
          </Link>
          <button type="button" className="btn btn-ghost btn-small" onClick={onSignOut} disabled={signingOut}>
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
    </header>
  );
}
