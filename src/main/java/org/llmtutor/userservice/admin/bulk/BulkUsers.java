package org.llmtutor.userservice.admin.bulk;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.llmtutor.userservice.admin.AdminCli;
import org.llmtutor.userservice.admin.AdminIo;
import org.llmtutor.userservice.admin.bulk.BulkUserFile.Entry;
import org.llmtutor.userservice.admin.bulk.BulkUserWriter.NewUser;
import org.llmtutor.userservice.admin.service.AdminService;
import org.llmtutor.userservice.user.PasswordHasher;
import org.springframework.stereotype.Component;

/**
 * Bulk create and delete. Creating is bound by BCrypt, so the hashes are computed on every core while finished ones
 * are written a batch per short transaction; users that exist are skipped, which also makes a rerun after a crash finish
 * the job. The first batch that cannot be written stops the run (the database is gone or refusing): its entries and
 * all later ones count as failed, and a rerun picks them up.
 */
@Component
public class BulkUsers {

    /** created + skipped + failed = the entries of the file. */
    /** @param done users created (or deleted); @param passed usernames skipped as existing (or missing) */
    public record Summary(int done, int passed, int failed) {}

    private final PasswordHasher hasher;
    private final BulkUserWriter writer;
    private final AdminService admin;
    private final int threads = Runtime.getRuntime().availableProcessors();
    // Large enough to keep every core busy, small enough for frequent progress and little work lost to a crash.
    private final int batchSize = Math.max(50, 10 * threads);

    BulkUsers(PasswordHasher hasher, BulkUserWriter writer, AdminService admin) {
        this.hasher = hasher;
        this.writer = writer;
        this.admin = admin;
    }

    public Summary create(List<Entry> entries, AdminIo io) {
        PrintStream out = io.out();
        Set<String> existing =
                writer.existing(entries.stream().map(Entry::username).toList());
        List<Entry> todo = new ArrayList<>();
        for (Entry entry : entries) {
            if (existing.contains(entry.username())) {
                out.println("skipped " + entry.username() + ": already exists");
            } else {
                todo.add(entry);
            }
        }
        out.printf(
                "creating %d users (%d threads hashing, batches of %d)%n",
                todo.size(), threads, Math.min(batchSize, Math.max(1, todo.size())));
        Progress progress = new Progress(io, "users", todo.size());
        List<String> raced = new ArrayList<>();
        int done = 0;
        String failure = null;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Every hash is queued at once, so the cores keep hashing the next batches while one is being written.
            List<Future<NewUser>> hashed = new ArrayList<>(todo.size());
            for (Entry e : todo) {
                hashed.add(pool.submit(() -> new NewUser(e.username(), hasher.hash(e.password()), e.role())));
            }
            for (int from = 0; from < todo.size(); from += batchSize) {
                int to = Math.min(todo.size(), from + batchSize);
                try {
                    raced.addAll(writer.insert(results(hashed.subList(from, to))));
                } catch (RuntimeException e) {
                    failure =
                            "entries [" + todo.get(from).index() + "] onwards were not created: " + AdminCli.reason(e);
                    break;
                }
                done = to;
                progress.update(done);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        raced.forEach(username -> out.println("skipped " + username + ": already exists"));
        if (failure != null) {
            io.err().println("error: " + failure);
        }
        return new Summary(done - raced.size(), existing.size() + raced.size(), todo.size() - done);
    }

    /** Deletes each named user with all their data; names not found are reported and counted as missing. */
    public Summary delete(List<Entry> entries, AdminIo io) {
        Progress progress = new Progress(io, "users", entries.size());
        List<String> missing = new ArrayList<>();
        int done = 0;
        String failure = null;
        for (Entry entry : entries) {
            try {
                if (!admin.delete(entry.username())) {
                    missing.add(entry.username());
                }
            } catch (RuntimeException e) {
                failure = "entries [" + entry.index() + "] onwards were not deleted: " + AdminCli.reason(e);
                break;
            }
            progress.update(++done);
        }
        progress.finish();
        missing.forEach(username -> io.out().println("missing " + username + ": no such user"));
        if (failure != null) {
            io.err().println("error: " + failure);
        }
        return new Summary(done - missing.size(), missing.size(), entries.size() - done);
    }

    private static List<NewUser> results(List<Future<NewUser>> futures) {
        List<NewUser> users = new ArrayList<>(futures.size());
        try {
            for (Future<NewUser> future : futures) {
                users.add(future.get());
            }
            return users;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
