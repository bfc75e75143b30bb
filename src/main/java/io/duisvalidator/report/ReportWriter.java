package io.duisvalidator.report;

import io.duisvalidator.batch.FileResult;

import java.io.IOException;

/**
 * One output format of a batch run. {@link #write} is called once per file in input order, then {@link #finish}
 * once with the run's tally. Streaming formats write each result as it comes; the others keep only what they need.
 */
public interface ReportWriter extends AutoCloseable {
    void write(FileResult result) throws IOException;

    void finish(RunSummary summary) throws IOException;

    @Override
    void close() throws IOException;
}
