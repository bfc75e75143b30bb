package io.duisvalidator.internal.coverage;

import io.duisvalidator.Decision;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.engine.RuleBase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Witnesses that rules can fire: the messages of samples/ and, for each distinct header shape of a scenario, its
 * variants with one header field changed to each value a schema-valid message may carry (ServiceReference,
 * ServiceReferenceVariant, Command Variant 1-8, the originator among the scenario's Users, and for a 5.1 the scheduled
 * SRV, with each originator, and the scheduled ServiceReference). Values are transcribed here from DUIS, not read
 * from the rule tables. Each is judged by the full Validator (reader and schema first), so a rule that fires for one
 * fires for a message the DCC could receive.
 */
final class HeaderVariants {
    static final List<String> SERVICE_REFERENCES = List.of("4.1", "4.2", "4.6", "4.8", "4.17", "5.1", "5.2", "5.3", "8.2");
    static final List<String> SRVS = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17", "5.1", "5.2", "5.3", "8.2");
    static final List<String> SCHEDULABLE = List.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");

    private static final Pattern SR = Pattern.compile("<sr:ServiceReference>([^<]*)</sr:ServiceReference>");
    private static final Pattern SRV = Pattern.compile("<sr:ServiceReferenceVariant>([^<]*)</sr:ServiceReferenceVariant>");
    private static final Pattern CV = Pattern.compile("<sr:CommandVariant>([^<]*)</sr:CommandVariant>");
    private static final Pattern ORIGINATOR = Pattern.compile("<sr:RequestID>([^:<]*):");
    private static final Pattern DSP_SR = Pattern.compile("<sr:DSPScheduledServiceReference>([^<]*)</sr:DSPScheduledServiceReference>");
    private static final Pattern DSP_SRV = Pattern.compile("<sr:DSPScheduledServiceReferenceVariant>([^<]*)</sr:DSPScheduledServiceReferenceVariant>");

    private HeaderVariants() {}

    /** Ids of the rules that fired for a message of samples/ or one of its header variants. */
    static Set<String> firedOverSamplesAndVariants(RuleBase rules) throws Exception {
        Set<String> fired = new TreeSet<>();
        for (Scenario sc : Scenario.find(List.of(Path.of("samples")))) {
            Context ctx = sc.loadContext();
            ValidationSettings settings = sc.settings(ValidationSettings.defaults());
            CoreValidator v = CoreValidator.create(rules, ctx);
            List<String> users = users(sc);
            Set<String> shapes = new TreeSet<>();
            List<Path> files;
            try (Stream<Path> s = Files.list(sc.messages())) {
                files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            }
            for (Path f : files) {
                String xml = Files.readString(f, StandardCharsets.UTF_8);
                fired.addAll(v.validate(xml.getBytes(StandardCharsets.UTF_8), settings).firedRules());
                String shape = value(SRV, xml) + "|" + value(ORIGINATOR, xml) + "|" + value(DSP_SRV, xml);
                if (!shapes.add(shape)) continue;
                for (String variant : variants(xml, users)) {
                    Decision d = v.validate(variant.getBytes(StandardCharsets.UTF_8), settings);
                    fired.addAll(d.firedRules());
                }
            }
        }
        return fired;
    }

    static List<String> variants(String xml, List<String> users) {
        Set<String> out = new LinkedHashSet<>();
        for (String sr : SERVICE_REFERENCES) out.add(set(SR, xml, sr));
        for (String srv : SRVS) out.add(set(SRV, xml, srv));
        for (int cv = 1; cv <= 8; cv++) out.add(set(CV, xml, Integer.toString(cv)));
        for (String u : users) out.add(set(ORIGINATOR, xml, u));
        if (value(DSP_SRV, xml) != null) {
            for (String sr : SERVICE_REFERENCES) out.add(set(DSP_SR, xml, sr));
            for (String srv : SCHEDULABLE) {
                String scheduled = set(DSP_SRV, xml, srv);
                out.add(scheduled);
                for (String u : users) out.add(set(ORIGINATOR, scheduled, u));
            }
        }
        out.remove(xml);
        return new ArrayList<>(out);
    }

    private static String value(Pattern p, String xml) {
        Matcher m = p.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /** The message with the first match of {@code p}'s group 1 replaced by {@code value}. */
    private static String set(Pattern p, String xml, String value) {
        Matcher m = p.matcher(xml);
        if (!m.find()) return xml;
        return xml.substring(0, m.start(1)) + value + xml.substring(m.end(1));
    }

    private static List<String> users(Scenario sc) throws Exception {
        Path f = sc.context().resolve("users.csv");
        if (!Files.exists(f)) return List.of();
        return Files.readAllLines(f).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[0].trim()).toList();
    }
}
