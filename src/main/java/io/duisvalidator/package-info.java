/**
 * The library's entry point: {@link io.duisvalidator.Validator} judges one DUIS Service Request message against the
 * SEC rules of modification MP162 and returns an immutable {@link io.duisvalidator.Decision} with its
 * {@link io.duisvalidator.Finding}s. How a request is judged is set per call with
 * {@link io.duisvalidator.ValidationSettings}; the reader's limits with {@link io.duisvalidator.ReaderOptions}.
 *
 * <p>This package and {@link io.duisvalidator.context} are the library's API. Everything under
 * {@code io.duisvalidator.internal} may change in any release.
 */
package io.duisvalidator;
