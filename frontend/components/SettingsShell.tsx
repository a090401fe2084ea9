import Link from "next/link";
import { accountPath, type Locale } from "@/lib/http/paths";
import { Logo } from "./Logo";
import { SignOutButton } from "./SignOutButton";
import styles from "./account-security.module.css";

/** Frame of a settings page (server component): top bar with a way back and signing out, one heading. */
export function SettingsShell({ title, locale, children }: { title: string; locale: Locale; children: React.ReactNode }) {
  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar-inner">
          <Logo />
          <div className="account">
            <Link href={accountPath(locale)} className="btn btn-ghost btn-small">
              Back to account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className={styles.page}>
        <h1 className="page-title">{title}</h1>
        {children}
      </main>
    </div>
  );
}
