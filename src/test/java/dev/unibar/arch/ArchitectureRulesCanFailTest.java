package dev.unibar.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule, run on the main classes plus the test fixture classes written to break the rules, reports its own fixture:
 * a rule that cannot fail would pass {@link ArchitectureTest} whatever the code does.
 */
class ArchitectureRulesCanFailTest {

    static Stream<Arguments> rulesAndTheirBreakers() {
        return Stream.of(
                Arguments.of("LAYERS", ArchitectureRules.LAYERS, List.of("ArchFixtureBridgeUsesUi")),
                Arguments.of("CORE_IS_PURE", ArchitectureRules.CORE_IS_PURE, List.of("ArchFixtureCoreUsesToolkit")),
                Arguments.of("CONNECTORS_ARE_INDEPENDENT", ArchitectureRules.CONNECTORS_ARE_INDEPENDENT,
                        List.of("ArchFixtureUcsUsesEpbx", "ArchFixtureKitUsesVendor")),
                Arguments.of("KITS_USE_NO_VENDOR", ArchitectureRules.KITS_USE_NO_VENDOR, List.of("ArchFixtureKitUsesVendor")),
                Arguments.of("NO_TOOLKIT_BELOW_UI", ArchitectureRules.NO_TOOLKIT_BELOW_UI,
                        List.of("ArchFixtureConnectorUsesToolkit")),
                Arguments.of("SIMULATORS_PLAY_THE_VENDOR", ArchitectureRules.SIMULATORS_PLAY_THE_VENDOR,
                        List.of("ArchFixtureSimUsesCore", "ArchFixtureSimUsesAnotherSimulator")),
                Arguments.of("SIMKIT_USES_NOTHING_OF_UNIBAR", ArchitectureRules.SIMKIT_USES_NOTHING_OF_UNIBAR,
                        List.of("ArchFixtureSimkitUsesVendor")),
                Arguments.of("CONNECTORS_NEVER_USE_THEIR_SIMULATOR", ArchitectureRules.CONNECTORS_NEVER_USE_THEIR_SIMULATOR,
                        List.of("ArchFixtureConnectorUsesSim")),
                Arguments.of("NO_PACKAGE_CYCLES", ArchitectureRules.NO_PACKAGE_CYCLES,
                        List.of("ArchFixtureCycleA", "ArchFixtureCycleB")));
    }

    private static final List<String> ALL_FIXTURES = rulesAndTheirBreakers()
            .flatMap(a -> ((List<?>) a.get()[2]).stream().map(String::valueOf)).toList();

    /** Importing is the slow part: the main classes once, and once more with every fixture. */
    private static JavaClasses mainOnly;
    private static JavaClasses withFixtures;

    @BeforeAll
    static void importOnce() {
        mainOnly = classes(List.of());
        withFixtures = classes(ALL_FIXTURES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirBreakers")
    void ruleReportsItsFixture(String name, ArchRule rule, List<String> fixtures) {
        EvaluationResult withoutFixture = rule.evaluate(mainOnly);
        assertFalse(withoutFixture.hasViolation(), name + " holds on the main code alone");

        EvaluationResult result = rule.evaluate(withFixtures);
        assertTrue(result.hasViolation(), name + " must fail on " + fixtures);
        String report = String.join("\n", result.getFailureReport().getDetails());
        for (String f : fixtures) assertTrue(report.contains(f), name + " names " + f + ":\n" + report);
    }

    /** The main classes and only the named fixtures of the test classes. */
    private static JavaClasses classes(List<String> fixtures) {
        ImportOption mainOrFixture = location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                || fixtures.stream().anyMatch(f -> location.contains("/" + f + ".class"));
        return new ClassFileImporter().withImportOption(mainOrFixture).importPackages("dev.unibar");
    }
}
