/**
 * The teams feature's facts, written once (SPEC 1.9; the server options in ./team-options.ts,
 * the forms in components/teams read them too).
 */
export const ROLES = ["owner", "admin", "member"] as const;
export type TeamRole = (typeof ROLES)[number];

/** A team's name, as typed: trimmed, 1..TEAM_NAME_MAX characters. */
export const TEAM_NAME_MAX = 100;
/** How many teams one person may create. */
export const TEAMS_PER_USER = 20;
/** Members of one team (Better Auth's default, written here so the UI and the server agree). */
export const MEMBERS_PER_TEAM = 100;
/** Pending invitations of one team at a time. */
export const PENDING_INVITATIONS_PER_TEAM = 100;
/** An invitation link works this long (Better Auth's default is 48 h). */
export const INVITATION_HOURS = 48;

/** Why a team name is refused, or undefined when it is fine. */
export function teamNameError(name: unknown): string | undefined {
  if (typeof name !== "string" || name.trim().length === 0) return "Give the team a name.";
  if (name.trim().length > TEAM_NAME_MAX) return `A team name has at most ${TEAM_NAME_MAX} characters.`;
  return undefined;
}

/** Roles are stored comma-separated by Better Auth ("admin,owner"); the highest one is what the UI shows. */
export function highestRole(role: string | null | undefined): TeamRole {
  const roles = (role ?? "").split(",").map((r) => r.trim());
  return roles.includes("owner") ? "owner" : roles.includes("admin") ? "admin" : "member";
}

/** Whether a role may manage members, invitations and lists (SPEC 1.9: admins and owners). */
export const canManage = (role: string | null | undefined) => highestRole(role) !== "member";
