package dev.mcpusage.bootstrap.archunit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's dependency rules, checked over the main code of every module. */
@AnalyzeClasses(packages = "dev.mcpusage", importOptions = ProductionClassesOnly.class)
class DependencyRulesTest {

  private static final String GENERATED_JOOQ = "dev.mcpusage.adapter.out.postgres.jooq..";

  @ArchTest
  static final ArchRule domainDependsOnlyOnTheJdk =
      classes()
          .that()
          .resideInAPackage("dev.mcpusage.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.mcpusage.domain..", "java..")
          .because("the domain is the model and nothing else");

  @ArchTest
  static final ArchRule domainUsesNeitherSqlNorLogging =
      noClasses()
          .that()
          .resideInAPackage("dev.mcpusage.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "java.util.logging..");

  @ArchTest
  static final ArchRule applicationDependsOnlyOnDomainJdkAndSlf4j =
      classes()
          .that()
          .resideInAPackage("dev.mcpusage.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.mcpusage.application..", "dev.mcpusage.domain..", "java..", "org.slf4j..");

  @ArchTest
  static final ArchRule portsDoNotKnowServicesOrInMemoryStores =
      noClasses()
          .that()
          .resideInAPackage("dev.mcpusage.application.port..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.mcpusage.application.service..", "dev.mcpusage.application.inmemory..");

  @ArchTest
  static final ArchRule servicesDoNotUseInMemoryStores =
      noClasses()
          .that()
          .resideInAPackage("dev.mcpusage.application.service..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mcpusage.application.inmemory..");

  @ArchTest
  static final ArchRule inPortsDoNotUseOutPorts =
      noClasses()
          .that()
          .resideInAPackage("dev.mcpusage.application.port.in..")
          .and()
          .haveSimpleNameNotEndingWith("MaintainUsage")
          .and()
          .haveSimpleNameNotEndingWith("ExportUsage")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mcpusage.application.port.out..")
          .because(
              "use cases speak their own records; MaintainUsage returns the store's reports and"
                  + " ExportUsage passes the store's rows through unchanged");

  @ArchTest
  static final ArchRule outPortsDoNotUseInPorts =
      noClasses()
          .that()
          .resideInAPackage("dev.mcpusage.application.port.out..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mcpusage.application.port.in..");

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOther =
      slices().matching("dev.mcpusage.adapter.(*).(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule onlyBootstrapDependsOnBootstrap =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mcpusage.bootstrap..");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("dev.mcpusage.(**)")
          .should()
          .beFreeOfCycles()
          // jOOQ's generated schema classes refer to each other by design; they are not our code
          .ignoreDependency(resideInAPackage(GENERATED_JOOQ), resideInAPackage(GENERATED_JOOQ));
}
