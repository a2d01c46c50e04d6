package org.llmtutor.userservice.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs calls at the same moment, for the race tests: every call waits on one gate that opens when all are queued. */
public final class Parallel {

    /** One of the calls; {@code i} counts from 0. */
    public interface Call<T> {
        T run(int i) throws Exception;
    }

    private Parallel() {}

    /** @return the results in call order; the first failure is thrown */
    public static <T> List<T> run(int count, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 64));
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<T> task = () -> {
                    gate.await();
                    return call.run(n);
                };
                futures.add(pool.submit(task));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
