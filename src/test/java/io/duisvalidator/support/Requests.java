package io.duisvalidator.support;

import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.reference.Transcription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds DuisRequest objects for rule tests without XML. Independent of the rule tables (shapes from {@link Transcription}). */
public final class Requests {
    public static final String DCC = "90-B3-D5-1F-30-00-00-02";

    /** SRV -> {ServiceReference, body element}, from the tests' {@link Transcription} of DUIS. */
    public static final Map<String, String[]> SHAPES = new LinkedHashMap<>();

    /** DSP body element of each SRV that DUIS can schedule. */
    public static final Map<String, String> DSP = new LinkedHashMap<>();

    static {
        for (Transcription.Srv s : Transcription.catalogue()) {
            SHAPES.put(s.srv(), new String[]{s.serviceReference(), s.body()});
            if (s.schedulable()) DSP.put(s.srv(), s.dspBody());
        }
    }

    private Requests() {}

    public static Builder request(String userId, String srv, String targetOrDevice) {
        return new Builder(userId, srv, targetOrDevice);
    }

    public static final class Builder {
        private final String userId;
        private final String srv;
        private final String device;
        private String serviceReference;
        private String body;
        private Integer cv;
        private BigDecimal version = new BigDecimal("5.4");
        private Instant execution;
        private Instant logStart = Instant.parse("2027-01-14T00:00:00Z");
        private Instant logEnd = Instant.parse("2027-01-15T00:00:00Z");
        private CreateScheduleBody schedule;
        private String scheduleId;

        Builder(String userId, String srv, String device) {
            this.userId = userId;
            this.srv = srv;
            this.device = device;
            String[] shape = SHAPES.get(srv);
            this.serviceReference = shape == null ? srv.substring(0, srv.lastIndexOf('.')) : shape[0];
            this.body = shape == null ? "SomeOtherRequest" : shape[1];
            this.cv = srv.startsWith("4.") ? 1 : 8;
        }

        public Builder serviceReference(String sr) { this.serviceReference = sr; return this; }
        public Builder body(String b) { this.body = b; return this; }
        public Builder commandVariant(Integer c) { this.cv = c; return this; }
        public Builder schemaVersion(String v) { this.version = new BigDecimal(v); return this; }
        public Builder executeAt(String instant) { this.execution = Instant.parse(instant); return this; }
        public Builder readLog(String start, String end) {
            this.logStart = Instant.parse(start);
            this.logEnd = Instant.parse(end);
            return this;
        }
        public Builder scheduleId(String id) { this.scheduleId = id; return this; }

        /** Makes this a 5.1 that schedules {@code scheduledSrv} on the device given at construction. */
        public Builder schedules(String scheduledSrv, String start, String end) {
            String[] shape = SHAPES.get(scheduledSrv);
            this.schedule = new CreateScheduleBody("Daily", LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                    null, shape == null ? scheduledSrv : shape[0], scheduledSrv, device, DSP.get(scheduledSrv), -1, 0);
            return this;
        }

        public Builder schedule(CreateScheduleBody s) { this.schedule = s; return this; }

        public DuisRequest build() {
            boolean deviceSrv = srv.startsWith("4.") || !SHAPES.containsKey(srv);
            String target = deviceSrv ? device : DCC;
            String selector = ("8.2".equals(srv) || "5.2".equals(srv) || "5.3".equals(srv)) && scheduleId == null ? device : null;
            return new DuisRequest(userId + ":" + target + ":1000", userId, target, "1000", version, null, null, cv,
                    serviceReference, srv, body, execution,
                    srv.startsWith("4.") && !"4.1.1".equals(srv) && !"4.2".equals(srv) ? logStart : null,
                    srv.startsWith("4.") && !"4.1.1".equals(srv) && !"4.2".equals(srv) ? logEnd : null,
                    "5.1".equals(srv) ? schedule : null, scheduleId, selector, true);
        }
    }
}
