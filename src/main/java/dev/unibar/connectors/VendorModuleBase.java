package dev.unibar.connectors;

import dev.unibar.config.SectionReader;
import dev.unibar.flow.FarEnd;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * What every vendor module does the same way, written once: its id, name, config reader and mapper; the cast
 * from the loader's config object to the vendor's record; demo mode as "start the simulator, set up against
 * it"; {@code unibar simulate}'s banner; the flow far end built on the simulator. A module says only what is its
 * own: how it sets up live and against a simulator, what its simulator prints, and which simulator scenario
 * plays each far-end action.
 *
 * @param <C> the vendor's config record (what its {@link #configReader()} reads)
 * @param <S> the vendor's simulator
 */
public abstract class VendorModuleBase<C, S extends AutoCloseable> implements VendorModule {

    private final String id;
    private final String displayName;
    private final Class<C> configType;
    private final Class<S> simulatorType;
    private final Supplier<? extends SectionReader> reader;
    private final Supplier<? extends VendorMapper> mapper;
    private final IntFunction<S> simulator;

    /**
     * @param simulator starts the simulator on 127.0.0.1 at a port (0: any free port)
     */
    protected VendorModuleBase(String id, String displayName, Class<C> configType, Supplier<? extends SectionReader> reader,
                               Supplier<? extends VendorMapper> mapper, Class<S> simulatorType, IntFunction<S> simulator) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.configType = Objects.requireNonNull(configType, "configType");
        this.simulatorType = Objects.requireNonNull(simulatorType, "simulatorType");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final SectionReader configReader() {
        return reader.get();
    }

    @Override
    public final VendorMapper newMapper() {
        return mapper.get();
    }

    @Override
    public final VendorSetup open(Object config, VendorEnvironment env) {
        return live(configType.cast(config), env);
    }

    @Override
    public final VendorSetup openDemo(VendorEnvironment env) {
        S sim = simulator.apply(0);
        try {
            return demo(sim, env);
        } catch (RuntimeException | Error e) {
            closeQuietly(sim);
            throw e;
        }
    }

    /** Prints where the simulator listens, then its addresses one a line, indented. */
    @Override
    public final AutoCloseable simulate(int port, PrintStream out) {
        S sim = simulator.apply(port);
        Banner b = banner(sim);
        out.println(id + " simulator listening on " + b.listensOn());
        for (String line : b.addresses()) out.println("  " + line);
        out.flush();
        return sim;
    }

    @Override
    public final Optional<FarEnd> farEnd(Object simulator) {
        if (!simulatorType.isInstance(simulator)) return Optional.empty();
        return Optional.of(farEnd(simulatorType.cast(simulator), FarEnd.builder(id)).build());
    }

    /** The live set-up for the vendor's config record. */
    protected abstract VendorSetup live(C config, VendorEnvironment env);

    /** Demo mode's set-up against the simulator it started; the set-up stops it on close. */
    protected abstract VendorSetup demo(S simulator, VendorEnvironment env);

    /** What {@code unibar simulate} prints of the simulator it started. */
    protected abstract Banner banner(S simulator);

    /** The far-end actions of call flows, as this simulator's scenarios (docs/simulators/). */
    protected abstract FarEnd.Builder farEnd(S simulator, FarEnd.Builder far);

    /**
     * A scenario's parameters: a flow step's own options, then each key whose value is not null, in order
     * ({@code params(c.options(), "number", c.from(), "name", c.name())}).
     */
    protected static Map<String, Object> params(Map<String, ?> options, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values come in pairs");
        Map<String, Object> p = new LinkedHashMap<>(options);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v != null) p.put((String) keysAndValues[i], v);
        }
        return p;
    }

    /**
     * {@code unibar simulate}'s words: where the simulator listens (its origin), then its addresses and secrets
     * for the supervisor who runs it, one line each, as printed.
     */
    protected record Banner(String listensOn, List<String> addresses) {
        public Banner(String listensOn, String... addresses) {
            this(listensOn, List.of(addresses));
        }
    }

    /** Stops a simulator; a failure is logged, never thrown at whoever is closing. */
    protected static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(VendorModuleBase.class.getName()).log(System.Logger.Level.WARNING, "stopping the simulator failed", e);
        }
    }
}
