package io.duisvalidator.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The reader's DV-XML / DV-SCHEMA / accepted split agrees with an independent judge: the JDK's own XML Schema
 * validator (Xerces, the parser the reader used before Woodstox) over the same bytes and the same project schema
 * files, on every sample message, every test message of the reader and every committed fuzzing input.
 *
 * <p>The judge says NOT_WELL_FORMED (the parser stopped), INVALID (a schema error) or VALID. The reader's own
 * refusals that come before or beside well-formedness and validity (size, encoding, DOCTYPE, depth, limits, root,
 * XML version) are its defences, tested one by one elsewhere, and are allowed whatever the judge says.
 */
class ReaderAgreesWithJdkValidatorTest {

    private static final Set<ReadResult.Reason> DEFENCES = EnumSet.complementOf(EnumSet.of(
            ReadResult.Reason.NOT_WELL_FORMED, ReadResult.Reason.SCHEMA, ReadResult.Reason.EXTRA_SCHEMA,
            ReadResult.Reason.UNREPRESENTABLE_VALUE));

    enum Judge { NOT_WELL_FORMED, INVALID, VALID }

    @Test
    void sameSplitAsTheJdkValidator() throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String root : List.of("samples", "src/test/resources/xml",
                "src/test/resources/io/duisvalidator/fuzz/ValidatorFuzzTestInputs")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !root.equals("samples") || p.toString().endsWith(".xml"))
                        .sorted().forEach(inputs::add);
            }
        }
        assertThat(inputs).hasSizeGreaterThan(500);

        Schema schema = jdkSchema();
        DuisReader reader = new DuisReader();
        List<String> disagreements = new ArrayList<>();
        int[] seen = new int[Judge.values().length];
        for (Path p : inputs) {
            byte[] bytes = Files.readAllBytes(p);
            Judge judge = judge(schema, bytes);
            seen[judge.ordinal()]++;
            ReadResult r = reader.read(bytes);
            if (!agrees(judge, r)) {
                disagreements.add(p + ": JDK validator " + judge + ", reader " + r);
            }
        }
        assertThat(disagreements).isEmpty();
        // the corpus exercises all three answers
        assertThat(seen).doesNotContain(0);
    }

    private static boolean agrees(Judge judge, ReadResult r) {
        if (r instanceof ReadResult.Failed) {
            return false;
        }
        if (r instanceof ReadResult.Rejected j && DEFENCES.contains(j.reason())) {
            return true;
        }
        return switch (judge) {
            case NOT_WELL_FORMED -> r instanceof ReadResult.Rejected j && j.reason() == ReadResult.Reason.NOT_WELL_FORMED;
            case INVALID -> r instanceof ReadResult.Rejected j && j.reason() == ReadResult.Reason.SCHEMA;
            case VALID -> r.isOk()
                    || r instanceof ReadResult.Rejected j && j.reason() == ReadResult.Reason.UNREPRESENTABLE_VALUE;
        };
    }

    /** The project schema compiled by the JDK from the files in xsd/ (the import resolves beside it). */
    private static Schema jdkSchema() throws SAXException {
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        return f.newSchema(Path.of("xsd/duis-mp162.xsd").toFile());
    }

    private static Judge judge(Schema schema, byte[] bytes) throws Exception {
        SAXParserFactory pf = SAXParserFactory.newDefaultInstance();
        pf.setNamespaceAware(true);
        pf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        pf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        XMLReader parser = pf.newSAXParser().getXMLReader();
        boolean[] invalid = {false};
        ErrorHandler stop = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                invalid[0] = true;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        };
        parser.setErrorHandler(stop);
        Validator v = schema.newValidator();
        v.setErrorHandler(stop);
        v.setResourceResolver(Schemas.NOTHING);
        try {
            v.validate(new SAXSource(parser, new InputSource(new ByteArrayInputStream(bytes))));
        } catch (SAXException | IOException e) {
            return Judge.NOT_WELL_FORMED;
        }
        return invalid[0] ? Judge.INVALID : Judge.VALID;
    }
}
