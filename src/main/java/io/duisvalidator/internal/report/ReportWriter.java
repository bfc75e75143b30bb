package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;

import java.io.IOException;
import java.util.List;

/**
 * One output format of a batch run. {@link #write} is called once per file in input order, then {@link #finish}
 * once with the run's tally. Streaming formats write each result as it comes; the others keep only what they need.
 */
public interface ReportWriter extends AutoCloseable {
    void write(FileResult result) throws IOException;

    void finish(RunSummary summary) throws IOException;

    @Override
    void close() throws IOException;

    /** One writer that hands every call to each of {@code writers} in turn (e.g. a report and --responses). */
    static ReportWriter all(List<ReportWriter> writers) {
        List<ReportWriter> ws = List.copyOf(writers);
        if (ws.size() == 1) return ws.get(0);
        return new ReportWriter() {
            @Override
            public void write(FileResult result) throws IOException {
                for (ReportWriter w : ws) w.write(result);
            }

            @Override
            public void finish(RunSummary summary) throws IOException {
                for (ReportWriter w : ws) w.finish(summary);
            }

            @Override
            public void close() throws IOException {
                IOException first = null;
                for (ReportWriter w : ws) {
                    try {
                        w.close();
                    } catch (IOException e) {
                        if (first == null) first = e;
                    }
                }
                if (first != null) throw first;
            }
        };
    }
}
