package io.duisvalidator.fuzz;

import io.duisvalidator.internal.core.CoreValidator;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.Decision;
import io.duisvalidator.support.DecisionInvariants;
import io.duisvalidator.support.Fixtures;

import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the public entry point {@link Validator#validate(byte[], ValidationSettings)}.
 *
 * <p>Without {@code JAZZER_FUZZ=1} (every {@code mvn verify}) this runs the committed inputs of
 * {@code src/test/resources/io/duisvalidator/fuzz/ValidatorFuzzTestInputs/validate/}: samples messages as seeds and
 * every finding of past fuzzing runs. With {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}
 * (docs/reliability.md has the command). A finding is anything but a sound {@link Decision}: an exception, a
 * {@code DV-INTERNAL} caught failure, a broken invariant, a hang or running out of memory.
 */
class ValidatorFuzzTest {
    /** One validator over the richest samples context (all five files), as an adaptor would hold it. */
    private static final Validator VALIDATOR;
    private static final ValidationSettings SETTINGS;

    static {
        try {
            Scenario sc = new Scenario(Path.of("samples/h313a-supplier-mhhs"));
            VALIDATOR = CoreValidator.create(Fixtures.RULES, CsvContextLoader.load(sc.context()));
            SETTINGS = sc.settings(ValidationSettings.defaults());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "30m")
    @DictionaryEntries({"<sr:", "</sr:", "xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"",
            "<!DOCTYPE", "<!ENTITY", "SYSTEM", "&", "<![CDATA[", "<?xml", "encoding=\"UTF-16\"", "schemaVersion=\"",
            "RequestID", "CommandVariant", "ServiceReference", "ServiceReferenceVariant", "ExecutionDateTime",
            "ScheduleStartDate", "ScheduleEndDate", "ReadLogPeriod", "StartDateTime", "EndDateTime", "DeviceID",
            "CreateSchedule", "4.8.1", "4.2", "5.1", "8.2", "2027-01-15T00:00:00Z", "2027-03-31T01:00:00+01:00",
            "7A-00-00-00-00-00-08-01", "00-1A-00-00-00-00-02-01", "xsi:schemaLocation", "xi:include"})
    void validate(byte[] message) {
        Decision d = VALIDATOR.validate(message, SETTINGS);
        DecisionInvariants.check(d);
        if (DecisionInvariants.isInternalFailure(d)) {
            throw new AssertionError("validator failed internally: " + d.findings());
        }
    }
}
