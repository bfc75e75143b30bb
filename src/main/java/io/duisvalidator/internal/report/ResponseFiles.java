package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
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
 * message's path as given ({@link #target}), with the same file name. Each file is written whole beside its target
 * ({@code .NAME.part}, made new, never through a link) and then moved into place; a file at the target that is not a
 * response of this class, a link, or a link among the folders is never written through: that message's response
 * fails ({@link IOException}) and the run goes on.
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

    /**
     * Where the response for the message at {@code file} (as given) is written: under DIR, one folder per component
     * of the path, in a way that no two paths share a target: an absolute path goes under {@code _root}, and a
     * component that starts with {@code _} or is {@code .} or {@code ..} gets one more {@code _} in front.
     */
    public Path target(String file) {
        Path p = Path.of(file);
        Path out = p.getRoot() != null ? dir.resolve("_root") : dir;
        for (Path part : p) out = out.resolve(escape(part.toString()));
        return out;
    }

    /** One component of a message's path as a name in DIR: one to one, and never {@code .} or {@code ..}. */
    static String escape(String name) {
        return name.startsWith("_") || name.equals(".") || name.equals("..") ? "_" + name : name;
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
        if (r.file().indexOf('\uFFFD') >= 0) {
            throw new IOException("the file name is not text in this system's file-name encoding (shown with U+FFFD): "
                    + "its response could not be told apart from another's");
        }
        Path target = target(r.file());
        folders(target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isResponse(target)) {
            throw new IOException(target + " exists and is not a response written by duis-validator: left as it is");
        }
        Instant when = (at != null ? at : clock.instant()).truncatedTo(ChronoUnit.MILLIS);
        // written beside the target, made new (never through a link), and moved into place: a run killed mid-write
        // leaves no half response, and a name planted beside the target is never followed
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(part); // a link or a file left by a killed run: the folder is this run's (locked)
        try (OutputStream os = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
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
        } catch (XMLStreamException | IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e instanceof IOException io ? io : new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }

    /** Makes the folders from DIR down to {@code folder}, one at a time, refusing a link or a file on the way. */
    private void folders(Path folder) throws IOException {
        Path f = dir;
        for (Path part : dir.relativize(folder)) {
            f = f.resolve(part);
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) continue;
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(f + " is " + (Files.isSymbolicLink(f) ? "a link" : "not a folder")
                        + ": responses are not written through it");
            }
            try {
                Files.createDirectory(f);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) throw raced;
            }
        }
    }

    /** The start every response this class writes has: a file that lacks it was not written here and is not replaced. */
    private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sr:Response xmlns:sr=\"" + NS + "\"")
            .getBytes(StandardCharsets.UTF_8);

    static boolean isResponse(Path p) throws IOException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return false;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(HEAD.length), HEAD);
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
