package io.duisvalidator.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The declared encoding is read from the bytes of the XML declaration, as XML 1.0 section 4.3.3 writes it. */
class Utf8OnlyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", ignoreLeadingAndTrailingWhitespace = false, value = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>|UTF-8",
            "<?xml version='1.0' encoding='iso-8859-1'?><a/>|iso-8859-1",
            "<?xml version=\"1.0\"   encoding =  \"UTF-16\" ?><a/>|UTF-16",
            "<?xml\tversion=\"1.0\"\tencoding\t=\t'utf8'?><a/>|utf8",
            "<?xml version=\"1.0\"?><a encoding=\"X\"/>|NONE",
            "<?xml version=\"1.0\" standalone=\"yes\"?><a/>|NONE",
            "<a/>|NONE",
            " <?xml version=\"1.0\" encoding=\"X\"?><a/>|NONE",
            "<?xmlversion=\"1.0\" encoding=\"X\"?><a/>|NONE",
            "<?xml version=\"1.0\" encoding=\"X'?><a/>|NONE",
            "<?xml version=\"1.0\" xencoding=\"A\" encoding=\"B\"?><a/>|A",
            "<?xml version=\"1.0\" encoding=\"\"?><a/>|''",
    })
    void readsTheDeclaration(String document, String expected) {
        assertThat(Utf8Only.declaredEncoding(document.getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(expected == null ? null : expected.equals("''") ? "" : expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>|NONE",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>|NONE",
            "<?xml version=\"1.0\"?><a/>|NONE",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>|declared encoding 'ISO-8859-1': DUIS messages are UTF-8",
    })
    void onlyUtf8IsAccepted(String document, String expected) {
        assertThat(Utf8Only.problem(document.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "C0 BC|overlong '<'",
            "E0 80 BC|overlong '<', three bytes",
            "ED A0 80|a surrogate",
            "F8 88 80 80 80|five bytes",
            "80|a stray continuation byte",
            "C3|cut short",
    })
    void theDecoderRefusesWhatIsNotUtf8(String hex, String what) {
        String[] parts = hex.split(" ");
        byte[] prefix = "<a>\n x".getBytes(StandardCharsets.US_ASCII);
        byte[] m = new byte[prefix.length + parts.length];
        System.arraycopy(prefix, 0, m, 0, prefix.length);
        for (int i = 0; i < parts.length; i++) m[prefix.length + i] = (byte) Integer.parseInt(parts[i], 16);
        Utf8Only.Decoder d = new Utf8Only.Decoder();
        try {
            d.decode(m);
            throw new AssertionError(what + " was decoded");
        } catch (Utf8Only.Malformed e) {
            assertThat(e.line).as(what).isEqualTo(2);
            assertThat(e.column).as(what).isEqualTo(3);
            assertThat(e.getMessage()).contains("byte offset " + prefix.length);
        }
    }
}
