package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * {@code --responses DIR}: for each message, the DUIS {@code sr:Response} acknowledgement the DCC would send
 * (Header: RequestID, ResponseCode, ResponseDateTime; Body: ResponseMessage with ServiceReference and
 * ServiceReferenceVariant), valid against the project's {@code xsd/duis-response.xsd}. Written to DIR under the
 * message's path as given (a leading root dropped, {@code ..} written as {@code _}), with the same file name. Each
 * file is written whole beside its target ({@code .NAME.part}) and then moved into place.
 */
public final class ResponseFiles implements ReportWriter {
    public static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";
    /** The DUIS schema version the acknowledgements are written in. */
    public static final String SCHEMA_VERSION = "5.4";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    /** What the schema admits: a header value read from a message that breaks the schema is left out instead. */
    private static final Pattern REQUEST_ID = Pattern.compile(
            "[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}:[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}:(0|[1-9][0-9]{0,18})");
    private static final Pattern SRV = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Path dir;
    private final Instant at;
    private final Clock clock;

    /**
     * @param dir the folder to write to (created when missing)
     * @param at  the ResponseDateTime to write (the run's --at), or null for the time each response is written
     */
    public ResponseFiles(Path dir, Instant at) throws IOException {
        this.dir = dir;
        this.at = at;
        this.clock = Clock.systemUTC();
        Files.createDirectories(dir);
    }

    /** Where the response for the message at {@code file} (as given) is written. */
    public Path target(String file) {
        Path p = Path.of(file).normalize();
        if (p.getRoot() != null) p = p.getRoot().relativize(p);
        Path out = dir;
        for (Path part : p) out = out.resolve(part.toString().equals("..") ? "_" : part.toString());
        return out;
    }

    /** The ServiceReference of a ServiceReferenceVariant: its first two numbers (every DUIS SR has two). */
    static String serviceReference(String srv) {
        if (srv == null) return null;
        int first = srv.indexOf('.');
        int second = first < 0 ? -1 : srv.indexOf('.', first + 1);
        return second < 0 ? srv : srv.substring(0, second);
    }

    @Override
    public void write(FileResult r) throws IOException {
        Decision d = r.decision();
        Path target = target(r.file());
        Files.createDirectories(target.getParent());
        Instant when = (at != null ? at : clock.instant()).truncatedTo(ChronoUnit.MILLIS);
        // written beside the target and moved into place: a run killed mid-write leaves no half response
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(part)) {
            XMLStreamWriter w = XML.createXMLStreamWriter(os, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setPrefix("sr", NS);
            w.writeStartElement("sr", "Response", NS);
            w.writeNamespace("sr", NS);
            w.writeAttribute("schemaVersion", SCHEMA_VERSION);
            w.writeCharacters("\n  ");
            w.writeStartElement(NS, "Header");
            if (d.requestId() != null && REQUEST_ID.matcher(d.requestId()).matches()) element(w, "RequestID", d.requestId(), "\n    ");
            element(w, "ResponseCode", d.responseCode(), "\n    ");
            element(w, "ResponseDateTime", when.toString(), "\n    ");
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement(NS, "Body");
            w.writeCharacters("\n    ");
            w.writeStartElement(NS, "ResponseMessage");
            if (d.srv() != null && SRV.matcher(d.srv()).matches()) {
                element(w, "ServiceReference", serviceReference(d.srv()), "\n      ");
                element(w, "ServiceReferenceVariant", d.srv(), "\n      ");
                w.writeCharacters("\n    ");
            }
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            Files.deleteIfExists(part);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text, String indent) throws XMLStreamException {
        w.writeCharacters(indent);
        w.writeStartElement(NS, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    @Override
    public void finish(RunSummary summary) {
    }

    @Override
    public void close() {
    }
}
