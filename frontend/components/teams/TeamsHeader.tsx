import Link from "next/link";
import { accountPath, tasksPath, type Locale } from "@/lib/http/paths";
import { TopBar } from "../TopBar";

/** The teams pages' top bar: the way to the personal tasks and the account page. */
export function TeamsHeader({ email, locale }: { email: string; locale: Locale }) {
  return (
    <TopBar email={email}>
      <Link href={tasksPath(locale)} className="btn btn-ghost btn-small">
        My tasks
      </Link>
      <Link href={accountPath(locale)} className="btn btn-ghost btn-small">
        Account
      </Link>
    </TopBar>
  );
}
