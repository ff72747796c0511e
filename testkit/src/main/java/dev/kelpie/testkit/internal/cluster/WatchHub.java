package dev.kelpie.testkit.internal.cluster;

import dev.kelpie.core.backend.ListQuery;
import dev.kelpie.core.backend.Watch;
import dev.kelpie.core.backend.WatchEvent;
import dev.kelpie.core.model.Resource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Watch bookkeeping: a bounded history of events (for watches starting at an older resource
 * version) and the open watches, each with its own queue. Events are recorded under the
 * cluster's lock and delivered after it is released, in resource-version order, on the calling
 * thread. Thread-safe.
 */
public final class WatchHub {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WatchHub.class);
    private final int historyLimit;
    private final Deque<Recorded> history = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Object deliveryLock = new Object();

    record Recorded(long resourceVersion, WatchEvent event) {
    }

    WatchHub(int historyLimit) {
        this.historyLimit = historyLimit;
    }

    /** Oldest resource version still replayable (events after it are kept). Call under the cluster lock. */
    long oldestReplayable() {
        return history.isEmpty() ? Long.MAX_VALUE : history.peekFirst().resourceVersion() - 1;
    }

    /** Records an event and queues it for matching watches. Call under the cluster lock. */
    void record(long rv, WatchEvent.Type type, Resource object) {
        WatchEvent e = new WatchEvent(type, object);
        history.addLast(new Recorded(rv, e));
        while (history.size() > historyLimit) {
            history.removeFirst();
        }
        for (Subscription s : subscriptions) {
            if (matches(s.query, object)) {
                s.queue.add(e);
            }
        }
    }

    /** Opens a watch replaying events after {@code fromRv} (negative: none). Call under the cluster lock. */
    Watch open(ListQuery query, long fromRv, Consumer<WatchEvent> listener) {
        Subscription s = new Subscription(query, listener);
        if (fromRv >= 0) {
            for (Recorded r : history) {
                if (r.resourceVersion() > fromRv && matches(query, r.event().object())) {
                    s.queue.add(r.event());
                }
            }
        }
        subscriptions.add(s);
        return s;
    }

    /** Delivers queued events; call after releasing the cluster lock. */
    public void deliver() {
        synchronized (deliveryLock) {
            for (Subscription s : subscriptions) {
                WatchEvent e;
                while (!s.closed && (e = s.queue.poll()) != null) {
                    try {
                        s.listener.accept(e);
                    } catch (RuntimeException bug) {
                        // a failing listener must not break the cluster or starve other watches
                        LOG.warn("watch listener for {} failed on {} {}", s.query.kind(), e.type(), e.object().id(), bug);
                    }
                }
            }
        }
    }

    static boolean matches(ListQuery q, Resource r) {
        if (!q.kind().equals(r.kind()) || !q.group().equals(r.id().group())) {
            return false;
        }
        if (!q.namespace().isEmpty() && !q.namespace().equals(r.namespace())) {
            return false;
        }
        Map<String, String> labels = r.labels();
        return q.labelSelector().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private final class Subscription implements Watch {
        final ListQuery query;
        final Consumer<WatchEvent> listener;
        final ConcurrentLinkedQueue<WatchEvent> queue = new ConcurrentLinkedQueue<>();
        volatile boolean closed;

        Subscription(ListQuery query, Consumer<WatchEvent> listener) {
            this.query = query;
            this.listener = listener;
        }

        @Override
        public void close() {
            closed = true;
            subscriptions.remove(this);
        }
    }
}
