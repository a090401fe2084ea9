/**
 * Better Auth's organization errors in the words of this app (a team, not an organization).
 * Unknown codes fall back to the library's message, then to a generic sentence.
 */
const MESSAGES: Record<string, string> = {
  YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS:
    "You are in as many teams as one person can be. Leave one to create another.",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER:
    "You are this team's only owner. Make someone else owner first (Transfer ownership).",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER:
    "A team needs an owner. Make someone else owner first (Transfer ownership).",
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: "That person is already in the team.",
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: "That address already has an invitation.",
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION: "Only the team's owners and admins can invite people.",
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: "Only an owner can invite someone as owner.",
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER: "You can't change that person's role.",
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER: "You can't remove that person.",
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION: "Only an owner can delete the team.",
  INVITATION_NOT_FOUND:
    "This invitation can't be used any more: it was accepted, declined, replaced by a newer one, or it expired.",
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION:
    "This invitation is for another email address than the one you are signed in with.",
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION:
    "Confirm your email address first: open the link we emailed you.",
  EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION: "Confirm your email address first: open the link we emailed you.",
  INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION:
    "The person who invited you has left the team, so the invitation no longer works.",
  ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: "The team is full.",
  INVITATION_LIMIT_REACHED: "The team has too many pending invitations. Cancel some first.",
  ORGANIZATION_NOT_FOUND: "That team no longer exists.",
  INVITATION_MAIL_LIMIT: "This address has been sent several emails recently. Try inviting it again later.",
};

export function teamErrorMessage(error: { code?: string; message?: string; status?: number } | null | undefined): string {
  if (!error) return "Something went wrong. Try again.";
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code];
  if (error.status === 429) return "Too many requests. Wait a moment and try again.";
  if (error.status === 0 || error.status === undefined) return "Can't reach the server. Check your connection and try again.";
  return error.message || "Something went wrong. Try again.";
}
