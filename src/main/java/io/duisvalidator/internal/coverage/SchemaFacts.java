package io.duisvalidator.internal.coverage;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts of the project's DUIS schema ({@code xsd/duis-mp162.xsd} on the class path) that decide which table cells a
 * schema-valid message can reach: today, the SRVs a 5.1 Create Schedule may name ({@code
 * DSPScheduledServiceReferenceVariant}). Read from the schema itself, so the coverage's reasons cite what the reader
 * enforces.
 */
public final class SchemaFacts {
    static final String SCHEMA = "xsd/duis-mp162.xsd";
    static final String SCHEDULABLE_TYPE = "DSPScheduledServiceReferenceVariant";

    private SchemaFacts() {}

    private static final class Holder {
        static final Set<String> SCHEDULABLE = enumeration(SCHEDULABLE_TYPE);
    }

    /** The SRVs the schema lets a 5.1 schedule (every value of DSPScheduledServiceReferenceVariant). */
    public static Set<String> schedulableSrvs() {
        return Holder.SCHEDULABLE;
    }

    /** The enumeration values of a named simple type of the project schema. */
    static Set<String> enumeration(String typeName) {
        try (InputStream in = SchemaFacts.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IllegalStateException(SCHEMA + " is not on the class path");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            Document d = f.newDocumentBuilder().parse(in);
            NodeList types = d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType");
            for (int i = 0; i < types.getLength(); i++) {
                Element t = (Element) types.item(i);
                if (!typeName.equals(t.getAttribute("name"))) continue;
                Set<String> out = new TreeSet<>();
                NodeList values = t.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "enumeration");
                for (int j = 0; j < values.getLength(); j++) out.add(((Element) values.item(j)).getAttribute("value"));
                return Collections.unmodifiableSet(out);
            }
            throw new IllegalStateException(SCHEMA + " has no simple type " + typeName);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + SCHEMA + ": " + e.getMessage(), e);
        }
    }
}
