package io.duisvalidator.internal.batch;

import io.duisvalidator.Decision;

/**
 * The decision for one input file.
 *
 * @param file  the path as given on the command line (relative where the input was relative)
 * @param index 0-based position of the file in the run's input order
 */
public record FileResult(String file, long index, Decision decision) {
}
