import Link from "next/link";
import { Logo } from "../Logo";

/** The account page's top bar: the way back to the tasks, and who is signed in. */
export function AccountHeader({ email, tasksHref }: { email: string; tasksHref: string }) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Logo />
        <div className="account">
          <span className="account-email" data-testid="user-email" title={email}>
            {email}
          </span>
          <Link href={tasksHref} className="btn btn-ghost btn-small">
            <span aria-hidden="true">←&nbsp;</span>My tasks
          </Link>
        </div>
      </div>
    </header>
  );
}
