package io.duisvalidator;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library snippet of README.md is the consumer project's class, verbatim: the consumer project (src/it/consumer)
 * compiles it against the library in `mvn verify`, so the snippet compiles as written.
 */
class ReadmeSnippetTest {
    static final String MARKER = "<!-- README snippet: src/it/consumer/src/main/java/com/example/adaptor/OutgoingRequests.java";

    @Test
    void theReadmeSnippetIsTheConsumersCode() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(MARKER);
        assertThat(at).as("README.md holds the snippet marker").isGreaterThan(0);
        int open = readme.indexOf("```java\n", at) + "```java\n".length();
        int close = readme.indexOf("```", open);
        String snippet = readme.substring(open, close);
        String source = Files.readString(Path.of("src/it/consumer/src/main/java/com/example/adaptor/OutgoingRequests.java"));
        assertThat(snippet).isEqualTo(source);
    }
}
