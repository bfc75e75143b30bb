package io.duisvalidator.internal.facts;

/** How a request asks to be served (docs/decisions.md D-MODE). */
public enum Mode {
    ON_DEMAND, FUTURE_DATED, SCHEDULE, NON_DEVICE
}
