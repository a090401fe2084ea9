import type { ReactNode } from "react";
import { Logo } from "./Logo";
import { TeamSwitcher } from "./teams/TeamSwitcher";

/** The signed-in pages' top bar: the logo, the Personal/teams switcher, who is signed in, and the page's own links or buttons. */
export function TopBar({ email, children }: { email: string; children: ReactNode }) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Logo />
        <TeamSwitcher />
        <div className="account">
          <span className="account-email" data-testid="user-email" title={email}>
            {email}
          </span>
          {children}
        </div>
      </div>
    </header>
  );
}
