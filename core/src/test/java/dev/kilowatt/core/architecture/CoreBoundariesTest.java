package dev.kilowatt.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kilowatt.core.ConnectorFault;
import dev.kilowatt.core.connector.MeterSample;
import dev.kilowatt.core.connector.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The domain depends on the JDK alone, its ports and messages know nothing of how the domain works, and its
 * functional blocks build on each other without cycles.
 */
class CoreBoundariesTest {

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kilowatt.core");

  @Test
  void coreDependsOnTheJdkAlone() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.kilowatt.core..")
        .because("core is pure domain: adapters bring Jackson, WebSockets, Pi4J, serial ports and Dagger")
        .check(CORE);
  }

  @Test
  void messagesAndPortsDoNotReachIntoTheDomain() {
    noClasses().that().resideInAnyPackage("dev.kilowatt.core.message..", "dev.kilowatt.core.port..")
        .should().dependOnClassesThat(resideOutsideOfPackages("java..", "dev.kilowatt.core.message..", "dev.kilowatt.core.port..")
            .and(not(belongToAnyOf(ConnectorFault.class))))
        .because("adapters code against ports and messages only, and the fault a board reports is the domain's own word")
        .check(CORE);
  }

  @Test
  void coreDoesNoFileInputOrOutputOfItsOwn() {
    noClasses().should().dependOnClassesThat().resideInAPackage("java.nio.file..")
        .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|RandomAccessFile).*")
        .because("files live in adapters: a firmware image or a diagnostics archive reaches the core as a port's HeldFile")
        .check(CORE);
  }

  @Test
  void theTransactionStateHoldsNoOcpp16Records() {
    noClasses().that().belongToAnyOf(Transaction.class, MeterSample.class)
        .should().dependOnClassesThat().resideInAPackage("dev.kilowatt.core.message..")
        .because("an OCPP 2.0.1 adapter reuses the transactions and their stop samples: 1.6 MeterValues are built at the block's edge")
        .check(CORE);
  }

  @Test
  void blocksDependOnEachOtherWithoutCycles() {
    slices().matching("dev.kilowatt.core.(*)..").should().beFreeOfCycles()
        .because("a block is understood, tested and changed on top of the blocks it uses, never around a loop")
        .check(CORE);
  }
}
