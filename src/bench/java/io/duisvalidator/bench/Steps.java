package io.duisvalidator.bench;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Context;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.engine.Evaluation;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.FactBuilder;
import io.duisvalidator.reference.ReferenceDecider;
import io.duisvalidator.reference.SampleCorpus;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One operation = one message of the corpus (samples/: 477 real-shaped, signed messages over 31 scenarios, each
 * with its own Users, inventory, Registration Data and schedule history), taken in turn. Each method is one step
 * of the pipeline, so that the steps can be compared on the same messages in the same run.
 */
public class Steps {

    @State(Scope.Benchmark)
    public static class Corpus {
        RuleBase rules;
        FactBuilder factBuilder;
        ReferenceDecider reference;
        DuisReader reader;
        /** The reader before issue 19 (Xerces), for the before / after row of the CPU table. */
        io.duisvalidator.internal.xml.XercesReader xerces;
        // every message
        byte[][] bytes;
        CoreValidator[] validators;
        Context[] contexts;
        ValidationSettings[] settings;
        // the messages the reader accepts (the rest stop at DV-XML / DV-SCHEMA)
        DuisRequest[] requests;
        Context[] okContexts;
        ValidationSettings[] okSettings;
        CoreValidator[] okValidators;
        List<?>[] facts;
        ReferenceDecider.Facts[] referenceFacts;

        @Setup(Level.Trial)
        public void load() {
            rules = RuleBase.load();
            factBuilder = new FactBuilder(rules.tables());
            reference = new ReferenceDecider();
            reader = new DuisReader();
            xerces = new io.duisvalidator.internal.xml.XercesReader(io.duisvalidator.ReaderOptions.defaults());
            List<SampleCorpus.Item> items = SampleCorpus.load(SampleCorpus.defaultRoot(), rules);
            int n = items.size();
            bytes = new byte[n][];
            validators = new CoreValidator[n];
            contexts = new Context[n];
            settings = new ValidationSettings[n];
            List<DuisRequest> ok = new ArrayList<>();
            List<Context> okc = new ArrayList<>();
            List<ValidationSettings> oks = new ArrayList<>();
            List<CoreValidator> okv = new ArrayList<>();
            List<List<?>> f = new ArrayList<>();
            List<ReferenceDecider.Facts> rf = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SampleCorpus.Item it = items.get(i);
                bytes[i] = it.bytes();
                validators[i] = it.validator();
                contexts[i] = it.context();
                settings[i] = it.settings();
                if (reader.read(it.bytes()) instanceof ReadResult.Ok r) {
                    ok.add(r.request());
                    okc.add(it.context());
                    oks.add(it.settings());
                    okv.add(it.validator());
                    f.add(factBuilder.facts(r.request(), it.context(), it.settings(), it.settings().receivedAt()));
                    rf.add(reference.facts(r.request(), it.context(), it.settings()));
                }
            }
            requests = ok.toArray(DuisRequest[]::new);
            okContexts = okc.toArray(Context[]::new);
            okSettings = oks.toArray(ValidationSettings[]::new);
            okValidators = okv.toArray(CoreValidator[]::new);
            facts = f.toArray(List<?>[]::new);
            referenceFacts = rf.toArray(ReferenceDecider.Facts[]::new);
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int i = (int) (Thread.currentThread().getId() * 7919 % 477);
        XMLInputFactory stax;
        XMLInputFactory woodstox;
        XMLInputFactory aalto;

        @Setup(Level.Trial)
        public void setUp() {
            stax = floorFactory(XMLInputFactory.newDefaultFactory());
            woodstox = floorFactory(new com.ctc.wstx.stax.WstxInputFactory());
            aalto = floorFactory(new com.fasterxml.aalto.stax.InputFactoryImpl());
        }

        /** One factory per thread, made once: namespace-aware, no DTD, no external entities. */
        private static XMLInputFactory floorFactory(XMLInputFactory f) {
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return f;
        }

        int next(int n) {
            int v = i++;
            if (i >= n) i = 0;
            return v % n;
        }
    }

    /** A floor: the JDK's namespace-aware StAX pass over the bytes, every event read, nothing built. */
    @Benchmark
    public int staxFloor(Corpus c, Cursor k) {
        return pass(k.stax, c.bytes[k.next(c.bytes.length)]);
    }

    /** The floor the ratios are taken against: the same pass with Woodstox (reused factory). */
    @Benchmark
    public int woodstoxFloor(Corpus c, Cursor k) {
        return pass(k.woodstox, c.bytes[k.next(c.bytes.length)]);
    }

    /** The same pass with Aalto (reused factory): the fastest StAX parser measured, but without an attribute-count limit. */
    @Benchmark
    public int aaltoFloor(Corpus c, Cursor k) {
        return pass(k.aalto, c.bytes[k.next(c.bytes.length)]);
    }

    private static int pass(XMLInputFactory f, byte[] bytes) {
        int h = 0;
        XMLStreamReader r;
        try {
            r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
        } catch (XMLStreamException e) {
            return -1;
        }
        try {
            while (r.hasNext()) h += r.next();
        } catch (XMLStreamException e) {
            h = -1; // the corpus's deliberately broken messages
        }
        try {
            r.close();
        } catch (XMLStreamException e) {
            h--;
        }
        return h;
    }

    /** The project's reader: UTF-8 decoding, hardened Woodstox with schema validation, guard, signature pruning, JAXB, mapping. */
    @Benchmark
    public ReadResult parse(Corpus c, Cursor k) {
        return c.reader.read(c.bytes[k.next(c.bytes.length)]);
    }

    /** The reader before issue 19: the JDK's Xerces validating as it parses, parser reused per thread, then JAXB. */
    @Benchmark
    public ReadResult parseXerces(Corpus c, Cursor k) {
        return c.xerces.read(c.bytes[k.next(c.bytes.length)]);
    }

    /** FactBuilder over parsed requests (registration and schedule-history look-ups included). */
    @Benchmark
    public List<Object> facts(Corpus c, Cursor k) {
        int i = k.next(c.requests.length);
        return c.factBuilder.facts(c.requests[i], c.okContexts[i], c.okSettings[i], c.okSettings[i].receivedAt());
    }

    /** The rule engine alone over prepared facts. */
    @Benchmark
    public Evaluation rules(Corpus c, Cursor k) {
        return c.rules.evaluate(c.facts[k.next(c.facts.length)]);
    }

    /**
     * The hand-written reference decider over its own prepared facts (its checks and decision step; it derives its
     * facts itself, from the request and the context, like FactBuilder does for the rules).
     */
    @Benchmark
    public ReferenceDecider.Result referenceRules(Corpus c, Cursor k) {
        return c.reference.decide(c.referenceFacts[k.next(c.referenceFacts.length)]);
    }

    /** Everything after the reader: facts, rules and the decision step (Validator.validate of a parsed request). */
    @Benchmark
    public Decision judge(Corpus c, Cursor k) {
        int i = k.next(c.requests.length);
        return c.okValidators[i].validate(c.requests[i], c.okSettings[i]);
    }

    /** The whole library call an adaptor makes: bytes in, Decision out. */
    @Benchmark
    public Decision validator(Corpus c, Cursor k) {
        int i = k.next(c.bytes.length);
        return c.validators[i].validate(c.bytes[i], c.settings[i]);
    }

    /** The same path with the reference decider instead of FactBuilder and Drools: same reader. */
    @Benchmark
    public Object referencePath(Corpus c, Cursor k) {
        int i = k.next(c.bytes.length);
        ReadResult r = c.reader.read(c.bytes[i]);
        if (!(r instanceof ReadResult.Ok ok)) return r;
        return c.reference.decide(ok.request(), c.contexts[i], c.settings[i]);
    }
}
