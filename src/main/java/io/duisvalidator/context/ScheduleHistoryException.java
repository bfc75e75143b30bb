package io.duisvalidator.context;

/**
 * A schedule history store that cannot be used: its database cannot be opened, holds a newer or damaged schema (it is
 * then refused, never reset), or failed a read or a write. A read that fails while a request is judged gives that
 * request an ERROR decision ({@code DV-CONTEXT}) with this message.
 */
public final class ScheduleHistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure of the history store.
     *
     * @param message what failed and, where it helps, what to do
     * @param cause   the underlying failure (e.g. an {@link java.sql.SQLException}), or null
     */
    public ScheduleHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
