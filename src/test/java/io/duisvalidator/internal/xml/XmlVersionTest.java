package io.duisvalidator.internal.xml;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 11: DUIS is XML 1.0; an XML 1.1 message (which admits control characters) is refused as DV-XML. */
class XmlVersionTest {
    private static final DuisReader READER = new DuisReader();
    private static final Path SAMPLE = Path.of("samples/access-change-of-supplier/messages/is-a-meter1-2027-01-31.xml");

    static String sample() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    @Test
    void the_sample_as_xml_1_0_is_read() throws IOException {
        assertThat(READER.read(sample().getBytes(StandardCharsets.UTF_8))).isInstanceOf(ReadResult.Ok.class);
        String noDeclaration = sample().replaceFirst("<\\?xml[^>]*\\?>\\s*", "");
        assertThat(READER.read(noDeclaration.getBytes(StandardCharsets.UTF_8))).isInstanceOf(ReadResult.Ok.class);
    }

    @Test
    void the_same_message_declared_xml_1_1_is_dv_xml() throws IOException {
        for (String decl : new String[]{"<?xml version=\"1.1\" encoding=\"UTF-8\"?>", "<?xml version='1.1'?>"}) {
            String m = sample().replaceFirst("<\\?xml[^>]*\\?>", decl);
            ReadResult r = READER.read(m.getBytes(StandardCharsets.UTF_8));
            assertThat(r).as(decl).isInstanceOf(ReadResult.Rejected.class);
            assertThat(r.code()).isEqualTo("DV-XML");
            assertThat(r.message()).contains("XML 1.1");
        }
    }

    @Test
    void a_control_character_that_xml_1_1_admits_never_reaches_a_value() throws IOException {
        String m = sample().replaceFirst("<\\?xml[^>]*\\?>", "<?xml version=\"1.1\" encoding=\"UTF-8\"?>")
                .replaceFirst("<sr:RequestID>([^<]*)</sr:RequestID>", "<sr:RequestID>$1&#x1B;]0;owned&#x7;</sr:RequestID>");
        ReadResult r = READER.read(m.getBytes(StandardCharsets.UTF_8));
        assertThat(r.code()).isEqualTo("DV-XML");
    }
}
