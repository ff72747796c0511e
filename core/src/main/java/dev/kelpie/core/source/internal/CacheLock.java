package dev.kelpie.core.source.internal;

import dev.kelpie.core.source.SourceException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises writers of one mirror folder: across threads and {@code GitSource} instances of
 * this JVM (a lock per folder) and across processes (an OS file lock beside the folder).
 * The per-folder map is the one piece of process-wide state in the source package: a file
 * lock is held per JVM, so two instances locking the same file in one JVM would otherwise fail
 * with {@code OverlappingFileLockException}. Thread-safe.
 */
public final class CacheLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private CacheLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the mirror folder's lock. */
    public static CacheLock acquire(Path mirrorDir) {
        Path key = mirrorDir.toAbsolutePath().normalize();
        ReentrantLock local = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        if (local.getHoldCount() > 1) {
            return new CacheLock(local, null, null);
        }
        try {
            Path lockFile = key.resolveSibling(key.getFileName() + ".lock");
            java.nio.file.Files.createDirectories(key.getParent());
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new CacheLock(local, ch, ch.lock());
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw new SourceException("cannot lock cache " + key.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                fileLock.release();
                channel.close();
            }
        } catch (IOException e) {
            throw new SourceException("cannot unlock cache: " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }
}
