package io.duisvalidator.internal.cli;

/** Exit statuses of the command-line contract. Never a count. */
final class Exit {
    static final int ACCEPTED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;
    static final int UNPROCESSED = 3;

    private Exit() {}
}
