package org.llmtutor.userservice.admin.bulk;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.llmtutor.userservice.admin.AdminIo;

/**
 * Progress of a long bulk job: count, rate and time left. On a terminal one line is rewritten in place ({@code \r});
 * otherwise (logs, pipes) a plain line is written every tenth of the job or every few seconds, whichever comes first.
 */
public final class Progress {

    private static final long PLAIN_LINE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final int total;
    private final long startedAt = System.nanoTime();
    private int lastPrinted;
    private long lastPrintedAt = startedAt;

    Progress(AdminIo io, String unit, int total) {
        this.out = io.out();
        this.terminal = io.terminal();
        this.unit = unit;
        this.total = total;
    }

    void update(int done) {
        long now = System.nanoTime();
        if (terminal) {
            out.print("\r" + line(done, now) + "   ");
            out.flush();
        } else if (done == total
                || done - lastPrinted >= Math.max(1, total / 10)
                || now - lastPrintedAt >= PLAIN_LINE_INTERVAL_NANOS) {
            out.println(line(done, now));
            lastPrinted = done;
            lastPrintedAt = now;
        }
    }

    /** Ends the line being rewritten, so what follows starts on a line of its own. */
    void finish() {
        if (terminal) {
            out.println();
        }
    }

    private String line(int done, long now) {
        double seconds = Math.max(1e-9, (now - startedAt) / 1e9);
        double rate = done / seconds;
        String eta = done == 0 ? "?" : format(Duration.ofSeconds(Math.round((total - done) / rate)));
        return String.format(
                Locale.ROOT,
                "%d/%d %s (%d%%), %.1f/s, elapsed %s, ETA %s",
                done,
                total,
                unit,
                total == 0 ? 100 : done * 100L / total,
                rate,
                format(Duration.ofNanos(now - startedAt)),
                eta);
    }

    public static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60)
                : s >= 60
                        ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                        : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
