import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { TeamApp } from "@/components/teams/TeamApp";
import { TeamsHeader } from "@/components/teams/TeamsHeader";
import { auth } from "@/lib/auth/auth";
import { requireSession } from "@/lib/auth/session";
import { pageLocale } from "@/lib/http/page-params";
import { teamPath } from "@/lib/teams/team-links";
import "../../card-pages.css";
import "../teams.css";

export const metadata: Metadata = { title: "Team" };

/** One team, for its members only: anyone else gets the same 404 as for a team that does not exist (SPEC 1.9). */
export default async function TeamPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const locale = await pageLocale(params);
  const { id } = await params;
  if (id.length > 200) notFound();
  const { user } = await requireSession(teamPath(id, locale), locale);
  const member = await auth.api
    .getActiveMemberRole({ headers: await headers(), query: { organizationId: id } })
    .then(() => true)
    .catch(() => false);
  if (!member) notFound();
  return (
    <div className="app">
      <TeamsHeader email={user.email} locale={locale} />
      <main className="tasks-main">
        <TeamApp teamId={id} myUserId={user.id} />
      </main>
    </div>
  );
}
