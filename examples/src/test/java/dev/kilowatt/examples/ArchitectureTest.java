package dev.kilowatt.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.kilowatt.core.ledger.TransactionRecord;
import dev.kilowatt.core.smartcharging.MainsPhase;
import dev.kilowatt.core.smartcharging.ScheduleChart;
import dev.kilowatt.core.smartcharging.SharingStrategy;
import dev.kilowatt.core.smartcharging.SmartChargingLimits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's walls, checked on the compiled classes of every module: core depends on the JDK alone,
 * adapters know core but not each other, and nothing but the wiring knows the wiring.
 */
class ArchitectureTest {

  private static final String CORE = "dev.kilowatt.core..";
  private static final String CORE_INTERNAL = "dev.kilowatt.core.internal..";
  private static final List<String> ADAPTERS = List.of("storage", "ocpp", "sim", "pi4j", "serial", "transfer", "ocpp201");

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // a module's test jar (ocpp201-adapter's central system harness), once packaged, holds tests too
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.kilowatt");
  }

  @Test
  void everyModuleIsOnTheClasspath() {
    for (String module : Stream.concat(Stream.of("core", "examples", "test"), ADAPTERS.stream()).toList()) {
      if (production.stream().noneMatch(c -> c.getPackageName().startsWith("dev.kilowatt." + module))) {
        throw new AssertionError("no production class of dev.kilowatt." + module + " was imported; the rules below would prove nothing");
      }
    }
  }

  @Test
  void coreDependsOnTheJdkAlone() {
    noClasses().that().resideInAPackage(CORE)
        .should().dependOnClassesThat().resideOutsideOfPackages(CORE, "java..")
        .because("core is the pure domain: Jackson, Java-WebSocket, Pi4J, jSerialComm, Dagger and the adapters stay outside")
        .check(production);
  }

  @Test
  void adaptersDoNotKnowEachOther() {
    for (String adapter : ADAPTERS) {
      String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> "dev.kilowatt." + a + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("dev.kilowatt." + adapter + "..")
          .should().dependOnClassesThat(resideInAnyPackage(others).and(not(sharedWithOcpp201(adapter))))
          .because("adapters meet only in core's ports; the wiring in examples puts them together")
          .check(production);
    }
  }

  /**
   * The 2.0.1 adapter shares the 1.6 adapter's protocol-neutral pieces, the schema validator, the JSON
   * binding, the security profiles' handshake rules, the CSMS's address with the identity percent-encoded
   * (OCPP-J 1.6 section 3.1.1 and 2.0.1 part 4 agree) and the traffic listener a console watches either link
   * through, and nothing else of it.
   */
  private static DescribedPredicate<JavaClass> sharedWithOcpp201(String adapter) {
    return adapter.equals("ocpp201")
        ? belongToAnyOf(dev.kilowatt.ocpp.PayloadSchemas.class, dev.kilowatt.ocpp.Violation.class, dev.kilowatt.ocpp.Payloads.class,
            dev.kilowatt.ocpp.ConnectionSecurity.class, dev.kilowatt.ocpp.SecurityFinding.class,
            dev.kilowatt.ocpp.CentralSystemAddress.class, dev.kilowatt.ocpp.TrafficListener.class)
        : DescribedPredicate.alwaysFalse();
  }

  /**
   * An embedder, and so every adapter, sees the core's public face, its ports, messages and clocks, and of the
   * smart-charging block the limits and the sharing strategy the builder takes and the schedule chart; the blocks'
   * other public types exist for the core's own wiring.
   */
  @Test
  void outsideTheCoreOnlyItsPublishedTypesAreUsed() {
    DescribedPredicate<JavaClass> blockInternals = resideInAPackage(CORE)
        .and(not(resideInAnyPackage("dev.kilowatt.core", "dev.kilowatt.core.port..", "dev.kilowatt.core.message..",
            "dev.kilowatt.core.time..")))
        .and(not(belongToAnyOf(SmartChargingLimits.class, SharingStrategy.class, MainsPhase.class, ScheduleChart.class,
            TransactionRecord.class)));
    noClasses().that().resideOutsideOfPackage(CORE)
        .should().dependOnClassesThat(blockInternals.as("the core's block internals"))
        .because("the blocks may change shape; embedders and adapters code against ChargePoint and the ports")
        .check(production);
  }

  /**
   * Seen from the internal package, so that the rule fails, rather than holds for nothing, if the package is
   * emptied or renamed.
   */
  @Test
  void onlyTheCoreUsesItsInternalPackage() {
    classes().that().resideInAPackage(CORE_INTERNAL)
        .should().onlyHaveDependentClassesThat().resideInAPackage(CORE)
        .because("dev.kilowatt.core.internal is shared by the core's blocks and carries no compatibility promise;"
            + " embedders and adapters go through the public face (an embedder's own keys are VendorKeys)")
        .check(production);
  }

  /**
   * A board's adapters speak the hardware ports alone, in the domain's words (a fault is a {@code ConnectorFault}),
   * so the same drivers serve a charger on OCPP 1.6 and on 2.0.1.
   */
  @Test
  void hardwareAdaptersSpeakNoProtocol() {
    noClasses().that().resideInAnyPackage("dev.kilowatt.sim..", "dev.kilowatt.pi4j..", "dev.kilowatt.serial..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.kilowatt.core.message..")
        .because("the protocol messages are the protocol adapters' business; hardware reports in domain terms")
        .check(production);
  }

  @Test
  void aRuleThatMatchesNoClassFails() {
    ArchRule aboutNothing = noClasses().that().resideInAPackage("dev.kilowatt.nosuchmodule..")
        .should().dependOnClassesThat().resideInAPackage("java..");
    assertThrows(AssertionError.class, () -> aboutNothing.check(production),
        "a rule whose classes are all gone (a renamed package, a module off the class path) must not pass");
  }

  @Test
  void adaptersLogThroughSlf4j() {
    noClasses().that().resideOutsideOfPackage(CORE)
        .should().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.Logger.Level.class)
        .because("one logging facade for the embedder: the adapters' libraries (Java-WebSocket, Pi4J, j2mod) log through"
            + " SLF4J, so the adapters do too; only core, on the JDK alone, uses System.Logger (bridged to SLF4J)")
        .check(production);
  }

  @Test
  void onlyTestsAndTheWiringUseTheTestSupport() {
    noClasses().that().resideOutsideOfPackages("dev.kilowatt.test..", "dev.kilowatt.examples..")
        .should().dependOnClassesThat().resideInAPackage("dev.kilowatt.test..")
        .because("kilowatt-test holds test doubles; no library jar may need it at run time")
        .check(production);
  }

  @Test
  void nothingDependsOnTheWiring() {
    noClasses().that().resideOutsideOfPackage("dev.kilowatt.examples..")
        .should().dependOnClassesThat().resideInAPackage("dev.kilowatt.examples..")
        .because("examples wires the modules together and is not a library")
        .check(production);
  }
}
