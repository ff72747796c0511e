package dev.kelpie.core.backend;

/** A running watch; closing it stops events. Thread-safe. */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
