import { DEFAULT_LOCALE, type Locale } from "../http/paths";

/** Pages of the teams feature (browser and server alike). */
export const teamsPath = (locale: Locale = DEFAULT_LOCALE) => `/${locale}/teams`;
/** One team: its tasks through the API, its members and invitations. */
export const teamPath = (teamId: string, locale: Locale = DEFAULT_LOCALE) => `/${locale}/teams/${encodeURIComponent(teamId)}`;
/** Where an invitation mail's link lands: accept or decline, or sign up / sign in first and come back. */
export const acceptInvitationPath = (invitationId: string, locale: Locale = DEFAULT_LOCALE) =>
  `/${locale}/teams/accept?invitation=${encodeURIComponent(invitationId)}`;
