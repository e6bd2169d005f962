package dev.mcpusage.bootstrap.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Naming and coding conventions: services, controllers, annotations, output, logging. */
@AnalyzeClasses(packages = "dev.mcpusage", importOptions = ProductionClassesOnly.class)
class CodingRulesTest {

  @ArchTest
  static final ArchRule servicesImplementAUseCase =
      classes()
          .that()
          .resideInAPackage("dev.mcpusage.application.service..")
          .should()
          .haveSimpleNameEndingWith("Service")
          .andShould()
          .implement(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a use case of application.port.in",
                  (com.tngtech.archunit.core.domain.JavaClass type) ->
                      type.getPackageName().equals("dev.mcpusage.application.port.in")
                          && type.isInterface()));

  @ArchTest
  static final ArchRule controllersLiveInTheHttpAdapter =
      classes()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .resideInAPackage("dev.mcpusage.adapter.in.http..");

  @ArchTest
  static final ArchRule noInjectionAnnotationsOutsideBootstrap =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.bootstrap..")
          .should()
          .beAnnotatedWith("com.google.inject.Inject")
          .orShould()
          .beAnnotatedWith("jakarta.inject.Inject");

  @ArchTest
  static final ArchRule noStandardStreamsOutsideMain =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.mcpusage.bootstrap.Main")
          .and()
          // a process of its own whose stdout is the MCP protocol, not output
          .doNotHaveFullyQualifiedName("dev.mcpusage.adapter.in.mcp.demo.DemoStdioServer")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("output goes through picocli's writers or a logger");

  @ArchTest static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest
  static final ArchRule domainAndApplicationDoNotReadTheClock =
      noClasses()
          .that()
          .resideInAnyPackage("dev.mcpusage.domain..", "dev.mcpusage.application..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .because("time comes in as an Instant or a Clock");
}
