import Link from "next/link";
import { SignOutButton } from "../SignOutButton";
import { TopBar } from "../TopBar";

/** The account page's top bar: the way back to the tasks, who is signed in, and signing out. */
export function AccountHeader({ email, tasksHref }: { email: string; tasksHref: string }) {
  return (
    <TopBar email={email}>
      <Link href={tasksHref} className="btn btn-ghost btn-small">
        <span aria-hidden="true">←&nbsp;</span>My tasks
      </Link>
      <SignOutButton />
    </TopBar>
  );
}
