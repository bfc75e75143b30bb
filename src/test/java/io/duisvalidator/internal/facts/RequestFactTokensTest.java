package io.duisvalidator.internal.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free list tests of RequestFact read the rules' space-separated lists word by word. */
class RequestFactTokensTest {
    @Test
    void aTokenMatchesWholeWordsOnly() {
        assertThat(RequestFact.containsToken("1 2 3", "1")).isTrue();
        assertThat(RequestFact.containsToken("1 2 3", "3")).isTrue();
        assertThat(RequestFact.containsToken("1 2 3", "4")).isFalse();
        assertThat(RequestFact.containsToken("1 12 3", "2")).isFalse();
        assertThat(RequestFact.containsToken("12", "1")).isFalse();
        assertThat(RequestFact.containsToken("8", "8")).isTrue();
        assertThat(RequestFact.containsToken("ESME GSME GPF", "GSM")).isFalse();
        assertThat(RequestFact.containsToken("ESME GSME GPF", "SME")).isFalse();
        assertThat(RequestFact.containsToken("ESME GSME GPF", "GPF")).isTrue();
        assertThat(RequestFact.containsToken("ESME  GSME", "GSME")).isTrue();
        assertThat(RequestFact.containsToken("", "ESME")).isFalse();
    }
}
