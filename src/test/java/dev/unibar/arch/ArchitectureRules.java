package dev.unibar.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point inwards (core ← bridge/config/json ← connectors ← app/ui/cli), checked on bytecode so
 * that fully-qualified names cannot slip past as they did past the import-line check. Each rule is proven
 * able to fail by {@link ArchitectureRulesCanFailTest}.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy("dev.unibar.core..")
            .layer("Infrastructure").definedBy("dev.unibar.bridge..", "dev.unibar.config..", "dev.unibar.json..",
                    "dev.unibar.flow..", "dev.unibar.journal..", "dev.unibar.screenpop..", "dev.unibar.crm..",
                    "dev.unibar.localapi..")
            .layer("Connectors").definedBy("dev.unibar.connectors..")
            .layer("Ui").definedBy("dev.unibar.ui..")
            .layer("App").definedBy("dev.unibar.app..")
            .layer("Cli").definedBy("dev.unibar.cli..", "dev.unibar")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Connectors").mayOnlyBeAccessedByLayers("App", "Cli")
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Connectors", "Ui", "App", "Cli")
            .because("dependencies point inwards: the UI binds to core state and never sees a vendor package");

    static final ArchRule CORE_IS_PURE = noClasses().that().resideInAPackage("dev.unibar.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.io..", "java.net..", "java.nio..",
                    "com.fasterxml..", "org.eclipse..", "org.java_websocket..", "dev.unibar.bridge..",
                    "dev.unibar.config..", "dev.unibar.json..")
            .because("core is the model, the reducer and the guard: no toolkit, no I/O, no JSON library");

    /** The kits beside the vendor seam, which every vendor folder may use (the web-bar vendor kit). */
    static final String WEB_BAR_KIT = "dev.unibar.connectors.webbar..";

    static final ArchRule CONNECTORS_ARE_INDEPENDENT = slices().matching("dev.unibar.connectors.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("dev.unibar.connectors.."), resideInAPackage(WEB_BAR_KIT))
            .because("a vendor is one folder: adding one never touches another (what they share is a kit)");

    static final ArchRule KITS_USE_NO_VENDOR = classes().that().resideInAPackage(WEB_BAR_KIT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(WEB_BAR_KIT, "dev.unibar.connectors", "dev.unibar.core..",
                    "dev.unibar.json..", "dev.unibar.config..", "dev.unibar.bridge..", "dev.unibar.flow..", "java..",
                    "com.fasterxml..")
            .because("a kit holds what vendors share: the seam, core, json, config and bridge, never a vendor's folder");

    static final ArchRule NO_TOOLKIT_BELOW_UI = noClasses().that().resideInAnyPackage("dev.unibar.connectors..",
                    "dev.unibar.config..", "dev.unibar.json..", "dev.unibar.flow..", "dev.unibar.journal..",
                    "dev.unibar.crm..", "dev.unibar.localapi..",
                    "dev.unibar.screenpop..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("connectors run headless (translate, simulate, tests) and reach pages through PageChannel");

    static final ArchRule SIMULATORS_PLAY_THE_VENDOR = classes().that().resideInAPackage("dev.unibar.connectors.*.sim..")
            .should(useNothingOfUnibarButTheirOwnSimulator())
            .because("a simulator plays the vendor, not Unibar: if it shared Unibar's code it would share its bugs;"
                    + " what simulators share lives once, in dev.unibar.simkit");

    static final ArchRule SIMKIT_USES_NOTHING_OF_UNIBAR = classes().that().resideInAPackage("dev.unibar.simkit..")
            .should(useNothingOfUnibarOutside("dev.unibar.simkit"))
            .because("the simulator kit is the simulators' own plumbing: it knows no vendor and nothing of the bar");

    static final ArchRule CONNECTORS_NEVER_USE_THEIR_SIMULATOR = noClasses()
            .that().resideInAPackage("dev.unibar.connectors..")
            .and().resideOutsideOfPackage("dev.unibar.connectors.*.sim..")
            .and().haveSimpleNameNotEndingWith("Module")
            .should().dependOnClassesThat().resideInAPackage("dev.unibar.connectors.*.sim..")
            .because("only the module wires the simulator in for demo mode; the connector talks to it over the wire");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.unibar.(**)")
            .should().beFreeOfCycles();

    private static final String SIMKIT = "dev.unibar.simkit";

    private static final Pattern SIM_ROOT = Pattern.compile("^(dev\\.unibar\\.connectors\\.[^.]+\\.sim)(\\..*)?$");

    private static ArchCondition<JavaClass> useNothingOfUnibarButTheirOwnSimulator() {
        return new ArchCondition<>("use nothing of Unibar but their own simulator package and the simulator kit") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Matcher own = SIM_ROOT.matcher(item.getPackageName());
                if (!own.matches()) return;
                String root = own.group(1);
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    boolean unibar = within(target, "dev.unibar");
                    boolean ownSim = within(target, root) || within(target, SIMKIT);
                    if (unibar && !ownSim) events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useNothingOfUnibarOutside(String root) {
        return new ArchCondition<>("use nothing of Unibar outside " + root) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    boolean unibar = within(target, "dev.unibar");
                    if (unibar && !within(target, root)) events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                }
            }
        };
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
