package io.duisvalidator;

/** ERROR is for an input that could not be processed or a failure of the validator: never counted as accepted. */
public enum Outcome { ACCEPTED, REJECTED, ERROR }
