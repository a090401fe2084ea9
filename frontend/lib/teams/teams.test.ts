// The security rules of teams (issue 26, SPEC 1.9) against the real Better Auth (in memory), with this
// app's options: one test per rule, each named for it.
import { describe, expect, it } from "vitest";
import { cookiesOf, mailAuth } from "../auth/test-auth";
import { MAIL_LIMITS } from "../mail/mail-limit";
import { INVITATION_HOURS, TEAM_NAME_MAX } from "./team-rules";

const PASSWORD = "correct-horse-1";

async function world() {
  const s = mailAuth();
  const people: Record<string, { cookie: string; id: string; email: string }> = {};
  async function person(name: string, { verified = true } = {}) {
    const email = `${name}@example.com`;
    const res = await s.call("/sign-up/email", { body: { email, password: PASSWORD, name } });
    expect(res.status).toBe(200);
    const id = (await res.json()).user.id as string;
    // The confirmation link itself is tested in lib/mail; here the account is simply confirmed or not.
    (s.db.user as { id: string; emailVerified: boolean }[]).find((u) => u.id === id)!.emailVerified = verified;
    return (people[name] = { cookie: cookiesOf(res), id, email });
  }
  const as = (who: { cookie: string }) => (path: string, body?: unknown) =>
    s.call(`/organization${path}`, { body, cookie: who.cookie, method: body ? "POST" : "GET" });
  async function team(owner: { cookie: string }, name = "Kitchen") {
    const res = await as(owner)("/create", { name, slug: `t-${Math.random().toString(36).slice(2, 10)}` });
    expect(res.status).toBe(200);
    return (await res.json()).id as string;
  }
  async function invite(from: { cookie: string }, organizationId: string, email: string, role = "member") {
    return as(from)("/invite-member", { organizationId, email, role });
  }
  /** The invitation id, as the mailed link carries it. */
  const mailedInvitation = (to: string) => {
    const link = new URL(
      s
        .mails(/invited you to the team/)
        .filter((m) => m.to === to)
        .at(-1)!.link,
    );
    expect(link.pathname).toBe("/en/teams/accept");
    return link.searchParams.get("invitation")!;
  };
  async function join(
    who: { cookie: string; email: string; id: string },
    organizationId: string,
    role = "member",
    by = people.owner,
  ) {
    expect((await invite(by, organizationId, who.email, role)).status).toBe(200);
    expect((await as(who)("/accept-invitation", { invitationId: mailedInvitation(who.email) })).status).toBe(200);
    return memberId(organizationId, who);
  }
  async function memberId(organizationId: string, who: { id: string }) {
    const { members } = await (await as(people.owner)(`/list-members?organizationId=${organizationId}`)).json();
    return members.find((m: { userId: string }) => m.userId === who.id)?.id as string | undefined;
  }
  const owner = await person("owner");
  return { s, person, as, team, invite, mailedInvitation, join, memberId, owner };
}

describe("invitations", () => {
  it("are mailed through the app's mail layer with a link to the accept page, and join the invited person", async () => {
    const w = await world();
    const bob = await w.person("bob");
    const teamId = await w.team(w.owner);
    expect((await w.invite(w.owner, teamId, "Bob@Example.com")).status).toBe(200);
    const mail = w.s.mails(/invited you to the team "Kitchen"/).at(-1)!;
    expect(mail.to).toBe("bob@example.com");
    expect(mail.text).toContain(`for ${INVITATION_HOURS} hours`);
    const res = await w.as(bob)("/accept-invitation", { invitationId: w.mailedInvitation(bob.email) });
    expect(res.status).toBe(200);
    expect((await res.json()).member).toMatchObject({ organizationId: teamId, userId: bob.id, role: "member" });
  });

  it("is single-use: a second accept (or a decline after it) is refused", async () => {
    const w = await world();
    const bob = await w.person("bob");
    const teamId = await w.team(w.owner);
    await w.invite(w.owner, teamId, bob.email);
    const invitationId = w.mailedInvitation(bob.email);
    expect((await w.as(bob)("/accept-invitation", { invitationId })).status).toBe(200);
    // Even after leaving, the same link does not let them back in.
    expect((await w.as(bob)("/leave", { organizationId: teamId })).status).toBe(200);
    const again = await w.as(bob)("/accept-invitation", { invitationId });
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe("INVITATION_NOT_FOUND");
    expect((await w.as(bob)("/reject-invitation", { invitationId })).status).toBe(400);
    expect(await w.memberId(teamId, bob)).toBeUndefined();
  });

  it("expires: past its time the link joins nobody", async () => {
    const w = await world();
    const bob = await w.person("bob");
    const teamId = await w.team(w.owner);
    await w.invite(w.owner, teamId, bob.email);
    const invitation = (w.s.db.invitation as { expiresAt: Date }[])[0];
    // Better Auth set the expiry from INVITATION_HOURS …
    const hours = (invitation.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(INVITATION_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(INVITATION_HOURS);
    // … and refuses it once that moment has passed.
    invitation.expiresAt = new Date(Date.now() - 1000);
    const res = await w.as(bob)("/accept-invitation", { invitationId: w.mailedInvitation(bob.email) });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVITATION_NOT_FOUND");
    expect(await w.memberId(teamId, bob)).toBeUndefined();
  });

  it("joins only the invited address: another signed-in account holding the link is refused", async () => {
    const w = await world();
    const bob = await w.person("bob");
    const mallory = await w.person("mallory");
    const teamId = await w.team(w.owner);
    await w.invite(w.owner, teamId, bob.email);
    const invitationId = w.mailedInvitation(bob.email);
    for (const path of ["/accept-invitation", "/reject-invitation"]) {
      const res = await w.as(mallory)(path, { invitationId });
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe("YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
    }
    expect(await w.memberId(teamId, mallory)).toBeUndefined();
    // The invitation is still Bob's to accept.
    expect((await w.as(bob)("/accept-invitation", { invitationId })).status).toBe(200);
  });

  it("joins only a confirmed address: the invited address, signed up but not confirmed, is refused until it is", async () => {
    const w = await world();
    const bob = await w.person("bob", { verified: false });
    const teamId = await w.team(w.owner);
    await w.invite(w.owner, teamId, bob.email);
    const invitationId = w.mailedInvitation(bob.email);
    const res = await w.as(bob)("/accept-invitation", { invitationId });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION");
    expect((await w.as(bob)(`/get-invitation?id=${invitationId}`)).status).toBe(403);
    (w.s.db.user as { id: string; emailVerified: boolean }[]).find((u) => u.id === bob.id)!.emailVerified = true;
    expect((await w.as(bob)("/accept-invitation", { invitationId })).status).toBe(200);
  });

  it("can be declined by the invited person, after which it joins nobody", async () => {
    const w = await world();
    const bob = await w.person("bob");
    const teamId = await w.team(w.owner);
    await w.invite(w.owner, teamId, bob.email);
    const invitationId = w.mailedInvitation(bob.email);
    expect((await w.as(bob)("/reject-invitation", { invitationId })).status).toBe(200);
    expect((await w.as(bob)("/accept-invitation", { invitationId })).status).toBe(400);
  });

  it("count against the per-recipient mail limit: past it the invitation is refused (429) and no mail goes", async () => {
    const w = await world();
    const bob = await w.person("bob"); // sign-up mailed bob a confirmation link: 1
    const max = MAIL_LIMITS[0].max;
    const teams = await Promise.all(Array.from({ length: max }, (_, i) => w.team(w.owner, `Team ${i}`)));
    for (const teamId of teams.slice(0, max - 1)) expect((await w.invite(w.owner, teamId, bob.email)).status).toBe(200);
    expect(w.s.sent.filter((m) => m.to === bob.email)).toHaveLength(max);
    const refused = await w.invite(w.owner, teams[max - 1], bob.email);
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe("INVITATION_MAIL_LIMIT");
    expect(w.s.sent.filter((m) => m.to === bob.email)).toHaveLength(max);
    // A resend skips the check before creating, not the limit itself: still no mail.
    await w.as(w.owner)("/invite-member", { organizationId: teams[0], email: bob.email, role: "member", resend: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(w.s.sent.filter((m) => m.to === bob.email)).toHaveLength(max);
  });

  it("cannot be sent by a plain member, nor for the owner role by an admin", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const member = await w.person("member");
    const admin = await w.person("admin");
    await w.join(member, teamId);
    await w.join(admin, teamId, "admin");
    expect((await w.invite(member, teamId, "x@example.com")).status).toBe(403);
    expect((await w.invite(admin, teamId, "x@example.com", "owner")).status).toBe(403);
    expect((await w.invite(admin, teamId, "x@example.com", "admin")).status).toBe(200);
  });
});

describe("roles", () => {
  it("a member cannot raise their own role (to admin or owner)", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const bob = await w.person("bob");
    const bobMember = (await w.join(bob, teamId))!;
    for (const role of ["admin", "owner"]) {
      const res = await w.as(bob)("/update-member-role", { organizationId: teamId, memberId: bobMember, role });
      expect(res.status).toBe(403);
    }
    const { members } = await (await w.as(w.owner)(`/list-members?organizationId=${teamId}`)).json();
    expect(members.find((m: { id: string }) => m.id === bobMember).role).toBe("member");
  });

  it("an admin cannot make themselves owner, nor lower an owner", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const ann = await w.person("ann");
    const annMember = (await w.join(ann, teamId, "admin"))!;
    const ownerMember = (await w.memberId(teamId, w.owner))!;
    expect((await w.as(ann)("/update-member-role", { organizationId: teamId, memberId: annMember, role: "owner" })).status).toBe(
      403,
    );
    expect(
      (await w.as(ann)("/update-member-role", { organizationId: teamId, memberId: ownerMember, role: "member" })).status,
    ).toBe(403);
    expect((await w.as(ann)("/remove-member", { organizationId: teamId, memberIdOrEmail: ownerMember })).status).toBe(400);
  });

  it("an admin may make a member admin and remove a member; the removed one is no longer listed", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const ann = await w.person("ann");
    const bob = await w.person("bob");
    await w.join(ann, teamId, "admin");
    const bobMember = (await w.join(bob, teamId))!;
    expect((await w.as(ann)("/update-member-role", { organizationId: teamId, memberId: bobMember, role: "admin" })).status).toBe(
      200,
    );
    expect((await w.as(ann)("/remove-member", { organizationId: teamId, memberIdOrEmail: bobMember })).status).toBe(200);
    expect(await w.memberId(teamId, bob)).toBeUndefined();
  });
});

describe("ownership", () => {
  it("the last owner cannot leave, nor step down; after transferring ownership they can", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const ann = await w.person("ann");
    const annMember = (await w.join(ann, teamId, "admin"))!;
    const ownerMember = (await w.memberId(teamId, w.owner))!;
    const leave = await w.as(w.owner)("/leave", { organizationId: teamId });
    expect(leave.status).toBe(400);
    expect((await leave.json()).code).toBe("YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
    expect(
      (await w.as(w.owner)("/update-member-role", { organizationId: teamId, memberId: ownerMember, role: "admin" })).status,
    ).toBe(400);
    // Transfer (what the UI does): the other becomes owner, then the former owner steps down and leaves.
    expect(
      (await w.as(w.owner)("/update-member-role", { organizationId: teamId, memberId: annMember, role: "owner" })).status,
    ).toBe(200);
    expect(
      (await w.as(w.owner)("/update-member-role", { organizationId: teamId, memberId: ownerMember, role: "admin" })).status,
    ).toBe(200);
    expect((await w.as(w.owner)("/leave", { organizationId: teamId })).status).toBe(200);
    expect((await w.as(ann)("/leave", { organizationId: teamId })).status).toBe(400);
  });

  it("only an owner may delete a team", async () => {
    const w = await world();
    const teamId = await w.team(w.owner);
    const ann = await w.person("ann");
    await w.join(ann, teamId, "admin");
    expect((await w.as(ann)("/delete", { organizationId: teamId })).status).toBe(403);
    expect((await w.as(w.owner)("/delete", { organizationId: teamId })).status).toBe(200);
    expect(w.s.db.organization).toHaveLength(0);
    expect(w.s.db.member).toHaveLength(0);
  });
});

describe("what is typed", () => {
  it("a team name is 1..TEAM_NAME_MAX characters, trimmed; logo and metadata are refused", async () => {
    const w = await world();
    const create = (body: object) => w.as(w.owner)("/create", { slug: "t-abcdefgh", ...body });
    expect((await create({ name: "   " })).status).toBe(400);
    expect((await create({ name: "x".repeat(TEAM_NAME_MAX + 1) })).status).toBe(400);
    expect((await create({ name: "Kitchen", metadata: { big: "x".repeat(1000) } })).status).toBe(400);
    expect((await create({ name: "Kitchen", slug: "../x" })).status).toBe(400);
    const ok = await create({ name: `  ${"x".repeat(TEAM_NAME_MAX)}  ` });
    expect(ok.status).toBe(200);
    expect((await ok.json()).name).toBe("x".repeat(TEAM_NAME_MAX));
  });
});
