package io.duisvalidator.spark;

import io.duisvalidator.internal.facts.DuisRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a request the library has already read ({@link DuisRequest}) from the stage that read it to the stage that
 * judges it, so that a message is parsed once although its context is joined to it in between. Not a second reader
 * of DUIS: it writes and reads back the record's own components, whatever they are (driven by the record's
 * components, so a field added to {@code DuisRequest} travels without a change here; a type it cannot carry fails
 * {@code RequestCodecTest}).
 */
final class RequestCodec {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RequestCodec() {}

    static byte[] encode(DuisRequest r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DuisRequest decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            return (DuisRequest) read(in, DuisRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Shape(RecordComponent[] components, Constructor<?> constructor) {}

    private static Shape shape(Class<?> type) {
        return SHAPES.computeIfAbsent(type, t -> {
            RecordComponent[] c = t.getRecordComponents();
            Class<?>[] types = new Class<?>[c.length];
            for (int i = 0; i < c.length; i++) types[i] = c[i].getType();
            try {
                return new Shape(c, t.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor for " + t, e);
            }
        });
    }

    private static void write(DataOutputStream out, Object record) throws IOException {
        for (RecordComponent c : shape(record.getClass()).components()) {
            Object v;
            try {
                v = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            writeValue(out, c.getType(), v);
        }
    }

    private static void writeValue(DataOutputStream out, Class<?> type, Object v) throws IOException {
        if (type == boolean.class) {
            out.writeBoolean((Boolean) v);
            return;
        }
        if (type == int.class) {
            out.writeInt((Integer) v);
            return;
        }
        out.writeBoolean(v != null);
        if (v == null) return;
        if (type == String.class) writeString(out, (String) v);
        else if (type == Boolean.class) out.writeBoolean((Boolean) v);
        else if (type == Integer.class) out.writeInt((Integer) v);
        else if (type == Long.class) out.writeLong((Long) v);
        else if (type == BigDecimal.class) writeString(out, v.toString());
        else if (type == Instant.class) {
            out.writeLong(((Instant) v).getEpochSecond());
            out.writeInt(((Instant) v).getNano());
        } else if (type == LocalDate.class) out.writeLong(((LocalDate) v).toEpochDay());
        else if (type == LocalTime.class) out.writeLong(((LocalTime) v).toNanoOfDay());
        else if (type.isRecord()) write(out, v);
        else throw new IllegalStateException("RequestCodec cannot carry a " + type.getName());
    }

    /** Length and UTF-8 bytes (writeUTF stops at 64 KiB, and a message may carry longer text). */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Object read(DataInputStream in, Class<?> type) throws IOException {
        Shape s = shape(type);
        Object[] values = new Object[s.components().length];
        for (int i = 0; i < values.length; i++) values[i] = readValue(in, s.components()[i].getType());
        try {
            return s.constructor().newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot rebuild " + type, e);
        }
    }

    private static Object readValue(DataInputStream in, Class<?> type) throws IOException {
        if (type == boolean.class) return in.readBoolean();
        if (type == int.class) return in.readInt();
        if (!in.readBoolean()) return null;
        if (type == String.class) return readString(in);
        if (type == Boolean.class) return in.readBoolean();
        if (type == Integer.class) return in.readInt();
        if (type == Long.class) return in.readLong();
        if (type == BigDecimal.class) return new BigDecimal(readString(in));
        if (type == Instant.class) return Instant.ofEpochSecond(in.readLong(), in.readInt());
        if (type == LocalDate.class) return LocalDate.ofEpochDay(in.readLong());
        if (type == LocalTime.class) return LocalTime.ofNanoOfDay(in.readLong());
        if (type.isRecord()) return read(in, type);
        throw new IllegalStateException("RequestCodec cannot carry a " + type.getName());
    }
}
