package dev.unibar.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main code keeps every architecture rule. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.unibar");
        assertTrue(main.size() > 100, "the importer saw the main classes (" + main.size() + ")");
    }

    @Test
    void layersPointInwards() {
        ArchitectureRules.LAYERS.check(main);
    }

    @Test
    void coreIsPure() {
        ArchitectureRules.CORE_IS_PURE.check(main);
    }

    @Test
    void connectorsDoNotDependOnEachOther() {
        ArchitectureRules.CONNECTORS_ARE_INDEPENDENT.check(main);
    }

    @Test
    void kitsUseNoVendor() {
        ArchitectureRules.KITS_USE_NO_VENDOR.check(main);
    }

    @Test
    void nothingBelowTheUiUsesTheToolkit() {
        ArchitectureRules.NO_TOOLKIT_BELOW_UI.check(main);
    }

    @Test
    void simulatorsUseNothingOfUnibar() {
        ArchitectureRules.SIMULATORS_PLAY_THE_VENDOR.check(main);
    }

    @Test
    void theSimulatorKitUsesNothingOfUnibar() {
        ArchitectureRules.SIMKIT_USES_NOTHING_OF_UNIBAR.check(main);
    }

    @Test
    void connectorsNeverUseTheirOwnSimulator() {
        ArchitectureRules.CONNECTORS_NEVER_USE_THEIR_SIMULATOR.check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(main);
    }
}
