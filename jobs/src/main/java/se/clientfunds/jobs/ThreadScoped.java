package se.clientfunds.jobs;

import java.util.function.Supplier;

/** A value that holds on this thread for the length of some work, then gives way to what held before. */
public final class ThreadScoped {

    private ThreadScoped() {
    }

    public static <V, T> T with(ThreadLocal<V> local, V value, Supplier<T> work) {
        V before = local.get();
        local.set(value);
        try {
            return work.get();
        } finally {
            if (before == null) {
                local.remove();
            } else {
                local.set(before);
            }
        }
    }
}
