package dev.tasks.api.changelog;

/**
 * A consumer of the change log, fed by the instance's one {@link ChangeLogReader}. Called on the
 * reader's thread, one call at a time, in this order: {@link #connected}, then {@link #read} for
 * every read until {@link #interrupted}, then {@link #connected} again when the reader is back.
 * A listener must not block: every other listener waits for it.
 */
public interface ChangeLogListener {

    /**
     * The reader (re)connected and reads on from {@code since}.
     *
     * @param since     where the next read starts
     * @param continuous true when no row at or after the previous read's horizon can have been
     *                  missed (the reader resumes where it stopped and the log was not trimmed past
     *                  that point); false on the first connection and after a trim past it: every
     *                  change below {@code since} is then known only as "something changed"
     */
    void connected(long since, boolean continuous);

    /** One read's rows; the listener's work on them is done when this returns. */
    void read(ChangeRead read);

    /** The reader failed or stops: no read will come until the next {@link #connected}. */
    void interrupted();
}
