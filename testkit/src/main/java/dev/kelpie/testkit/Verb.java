package dev.kelpie.testkit;

/** The verbs of the {@code Backend} SPI, for fault rules. */
public enum Verb { GET, LIST, CREATE, UPDATE, PATCH, APPLY, DELETE, WATCH }
