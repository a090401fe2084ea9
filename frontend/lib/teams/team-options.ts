import { APIError } from "better-auth/api";
import { organization } from "better-auth/plugins/organization";
import type { Pool } from "pg";
import { invitationMail, type MailMessage } from "../mail/messages";
import { acceptInvitationPath } from "./team-links";
import {
  INVITATION_HOURS,
  MEMBERS_PER_TEAM,
  PENDING_INVITATIONS_PER_TEAM,
  TEAMS_PER_USER,
  highestRole,
  teamNameError,
} from "./team-rules";
import { deleteTeamData } from "./team-deletion";

/** A slug is only Better Auth's unique handle for a team: the web app makes a random one (components/teams). */
const SLUG = /^[a-z0-9][a-z0-9-]{2,63}$/;

export interface TeamMail {
  /** Sends through the app's mail layer (lib/mail/auth-mail.ts `send`): same transport, counted per recipient. */
  send: (message: MailMessage) => Promise<void>;
  /** Whether one more mail to this address fits the per-recipient limit now (lib/mail/mail-limit.ts), counting nothing. */
  wouldAllow: (to: string) => Promise<boolean>;
}

/**
 * Teams (SPEC 1.9) are Better Auth organizations, with its default roles owner / admin / member
 * and its own rules, which are the security rules of issue 26 (lib/teams/teams.test.ts has a test
 * for each):
 * - an invitation is accepted once (pending → accepted, compare-and-set), expires after
 *   INVITATION_HOURS, and joins only a signed-in account whose address is the invited one AND
 *   confirmed (`requireEmailVerificationOnInvitation`: the library's default would skip the
 *   confirmation for its random invitation ids; an unconfirmed account could be anyone's);
 * - update-member-role needs `member:update` (members have none), and only an owner may grant or
 *   touch "owner": a member cannot raise their own role, an admin cannot make themselves owner;
 * - leave and remove refuse the last owner (transfer ownership first);
 * - delete needs `organization:delete`: owners only.
 * What the library leaves to the app is here: the invitation mail (through lib/mail, so it counts
 * against the per-recipient limit), bounds on what is typed, and a team's lists and tasks going
 * with it (one transaction, ./team-deletion.ts).
 */
export function teamsPlugin({ baseURL, mail, pool }: { baseURL: string; mail: TeamMail; pool: Pool | undefined }) {
  return organization({
    organizationLimit: TEAMS_PER_USER,
    membershipLimit: MEMBERS_PER_TEAM,
    invitationLimit: PENDING_INVITATIONS_PER_TEAM,
    invitationExpiresIn: INVITATION_HOURS * 60 * 60,
    requireEmailVerificationOnInvitation: true,
    // Inviting the same address again replaces the pending invitation: its old link stops working.
    cancelPendingInvitationsOnReInvite: true,
    sendInvitationEmail: async ({ id, email, role, organization: team, inviter }) =>
      mail.send(
        invitationMail(
          email,
          { teamName: team.name, inviterName: inviter.user.name, inviterEmail: inviter.user.email, role: highestRole(role) },
          `${baseURL}${acceptInvitationPath(id)}`,
          INVITATION_HOURS * 60,
        ),
      ),
    organizationHooks: {
      beforeCreateOrganization: async ({ organization: team }) => checkTeamFields(team, true),
      beforeUpdateOrganization: async ({ organization: team }) => checkTeamFields(team, false),
      // The sender is told (429) rather than left believing a mail went out; the mail itself is
      // still counted when sent (a `resend` skips this hook, not the limit).
      beforeCreateInvitation: async ({ invitation }) => {
        if (!(await mail.wouldAllow(invitation.email))) {
          throw new APIError("TOO_MANY_REQUESTS", {
            code: "INVITATION_MAIL_LIMIT",
            message: "This address has been sent several emails recently. Try inviting it again later.",
          });
        }
      },
      // Without a pool (tests on Better Auth's memory adapter) the library's own deletes do it.
      beforeDeleteOrganization: pool
        ? async ({ organization: team }) => {
            await deleteTeamData(pool, team.id);
          }
        : undefined,
    },
  });
}

function checkTeamFields<T extends { name?: string; slug?: string; logo?: string | null; metadata?: Record<string, unknown> }>(
  team: T,
  creating: boolean,
) {
  if (creating || team.name !== undefined) {
    const error = teamNameError(team.name);
    if (error) throw new APIError("BAD_REQUEST", { code: "INVALID_TEAM_NAME", message: error });
  }
  if ((creating || team.slug !== undefined) && (typeof team.slug !== "string" || !SLUG.test(team.slug))) {
    throw new APIError("BAD_REQUEST", { code: "INVALID_TEAM_SLUG", message: "The team's handle is not valid." });
  }
  // Nothing shows a logo or metadata: refused rather than stored unbounded.
  if ((team.logo ?? undefined) !== undefined || (team.metadata ?? undefined) !== undefined) {
    throw new APIError("BAD_REQUEST", { code: "UNSUPPORTED_TEAM_FIELD", message: "Teams have a name only." });
  }
  return { data: typeof team.name === "string" ? { ...team, name: team.name.trim() } : team };
}
