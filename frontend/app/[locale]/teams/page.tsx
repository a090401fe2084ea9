import type { Metadata } from "next";
import { TeamsApp } from "@/components/teams/TeamsApp";
import { TeamsHeader } from "@/components/teams/TeamsHeader";
import { pageLocale, type LocalePageProps } from "@/lib/http/page-params";
import { requireSession } from "@/lib/auth/session";
import { teamsPath } from "@/lib/teams/team-links";
import "../card-pages.css";
import "./teams.css";

export const metadata: Metadata = { title: "Teams" };

/** Protected like /tasks: the session is checked on the server before anything renders. */
export default async function TeamsPage({ params }: Pick<LocalePageProps, "params">) {
  const locale = await pageLocale(params);
  const { user } = await requireSession(teamsPath(locale), locale);
  return (
    <div className="app">
      <TeamsHeader email={user.email} locale={locale} />
      <main className="tasks-main">
        <h1 className="page-title">Teams</h1>
        <TeamsApp emailVerified={user.emailVerified} />
      </main>
    </div>
  );
}
