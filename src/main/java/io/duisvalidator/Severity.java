package io.duisvalidator;

/** ERROR rejects the request; WARNING and INFO are reported only. */
public enum Severity { ERROR, WARNING, INFO }
