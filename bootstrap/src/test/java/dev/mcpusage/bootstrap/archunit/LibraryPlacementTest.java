package dev.mcpusage.bootstrap.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Each library stays inside the one adapter (or bootstrap) that owns it. */
@AnalyzeClasses(packages = "dev.mcpusage", importOptions = ProductionClassesOnly.class)
class LibraryPlacementTest {

  @ArchTest
  static final ArchRule persistenceLibrariesOnlyInThePostgresAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.adapter.out.postgres..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.jooq..",
              "org.flywaydb..",
              "java.sql..",
              "org.postgresql..",
              "io.zonky..",
              "com.zaxxer..");

  @ArchTest
  static final ArchRule javalinOnlyInTheHttpAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.adapter.in.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

  @ArchTest
  static final ArchRule picocliOnlyInTheCliAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.adapter.in.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  @ArchTest
  static final ArchRule mcpSdkOnlyInTheMcpAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.adapter.in.mcp..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.modelcontextprotocol..");

  @ArchTest
  static final ArchRule guiceOnlyInBootstrap =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mcpusage.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");
}
