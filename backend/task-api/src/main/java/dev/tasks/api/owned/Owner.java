package dev.tasks.api.owned;

/**
 * Whose a resource is: a user (every path under {@code /api/{user_id}/…}) or a team
 * ({@code /api/teams/{team_id}/…}, SPEC 1.9). Repositories scope every statement by
 * {@link #column()} = {@link #id()}, so a resource of another owner is indistinguishable from a
 * missing one, and a team's resources need only a column and a path rule, not new plumbing.
 */
public sealed interface Owner {

    /** The Better Auth id: a user's id, or an organization's id for a team. */
    String id();

    /** The column of an owned table that holds this kind of owner's id. */
    String column();

    static Owner user(String id) {
        return new User(id);
    }

    static Owner team(String id) {
        return new Team(id);
    }

    record User(String id) implements Owner {
        @Override
        public String column() {
            return "user_id";
        }
    }

    /** A team: a Better Auth organization, whose members reach its resources (SPEC 1.9, {@link TeamAccess}). */
    record Team(String id) implements Owner {
        @Override
        public String column() {
            return "team_id";
        }
    }
}
