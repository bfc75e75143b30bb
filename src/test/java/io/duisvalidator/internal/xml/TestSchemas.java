package io.duisvalidator.internal.xml;

import javax.xml.validation.Schema;
import java.nio.file.Path;

/** Lets tests of other packages compile an XSD the way --schema does (local files only, no DTD fetching). */
public final class TestSchemas {
    private TestSchemas() {}

    public static Schema compile(Path xsd) {
        return Schemas.extra(xsd);
    }
}
