package io.duisvalidator.internal.decision;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The response codes the project emits, in the precedence of the command-line contract's table. */
public final class ResponseCodes {
    /** Accepted request: acknowledged, passed access control. */
    public static final String ACCEPTED = "I99";
    public static final String XML = "DV-XML";
    public static final String SCHEMA = "DV-SCHEMA";
    public static final String INTERNAL = "DV-INTERNAL";
    public static final String INPUT = "DV-INPUT";
    /** A context source (User registry, inventory, Registration Data, schedule history) failed or timed out. */
    public static final String CONTEXT = "DV-CONTEXT";

    /** Highest precedence first (docs/codes.md). */
    public static final List<String> PRECEDENCE = List.of(
            XML, SCHEMA, "DV-HEADER", "E12", "E1", "DV-VERSION", "E2", "E19", "E11", "E5", "E4",
            "DV-SCHEDULE", "DV-H3.13A");

    private static final Map<String, Integer> RANK = IntStream.range(0, PRECEDENCE.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(PRECEDENCE::get, Function.identity()));

    private ResponseCodes() {}

    /** Rank of a code in the precedence order; codes outside the table rank after every code in it. */
    public static int rank(String code) {
        Integer r = RANK.get(code);
        return r == null ? PRECEDENCE.size() : r;
    }
}
