package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ServiceReference is as strict as the official DUIS enumeration (issue 12, item 5): an unknown value is DV-SCHEMA by
 * the project schema alone, and with an official schema as well; a known one passes both, whatever the SRV.
 */
class ServiceReferenceSchemaTest {
    static byte[] message(String serviceReference, String srv) {
        return ("<?xml version=\"1.0\"?>\n"
                + "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\" schemaVersion=\"5.4\">"
                + "<sr:Header><sr:RequestID>AB-CD-EF-01-02-03-04-05:0A-0B-0C-0D-0E-0F-10-11:3</sr:RequestID>"
                + "<sr:CommandVariant>1</sr:CommandVariant><sr:ServiceReference>" + serviceReference + "</sr:ServiceReference>"
                + "<sr:ServiceReferenceVariant>" + srv + "</sr:ServiceReferenceVariant></sr:Header>"
                + "<sr:Body><sr:ReadInstantaneousExportRegisters/></sr:Body></sr:Request>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.8.1", "99.9", "4.9", "4.5", "6.1", "4", "4.8.0", " 4.8", "04.8"})
    void anUnknownServiceReferenceIsDvSchema(String sr) {
        ReadResult r = new DuisReader().read(message(sr, "4.2"));
        assertThat(r.code()).as(r.toString()).isEqualTo("DV-SCHEMA");
        assertThat(r.message()).contains("Value '" + sr + "' is not facet-valid with respect to enumeration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.2", "4.8", "4.17", "1.1", "6.15", "8.2", "14.1", "12.2"})
    void aKnownServiceReferencePassesTheSchemaWhateverTheSrv(String sr) {
        // the schema checks the value only; whether it fits the SRV is a rule (DV-HEADER)
        assertThat(new DuisReader().read(message(sr, "4.2")).isOk()).isTrue();
    }

    @Test
    void theOfficialSchemaAgrees() {
        Path official = TestMessages.sharedDuis("official-schema").resolve("DUIS Schema V5.4.xsd");
        DuisReader withOfficial = new DuisReader(ReaderOptions.defaults().withExtraSchema(official));
        for (String sr : new String[]{"4.8.1", "99.9", "4.9"}) {
            assertThat(withOfficial.read(message(sr, "4.2")).code()).as(sr).isEqualTo("DV-SCHEMA");
        }
        assertThat(withOfficial.read(message("4.2", "4.2")).isOk()).isTrue();
    }
}
