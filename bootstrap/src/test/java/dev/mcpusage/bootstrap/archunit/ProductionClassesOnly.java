package dev.mcpusage.bootstrap.archunit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The rules judge the product's classes: not this module's tests, and not the test fixtures other
 * modules share as test jars (e.g. adapters-mcp's MCP server on Jetty).
 */
public final class ProductionClassesOnly implements ImportOption {

  private static final ImportOption NOT_TESTS = new ImportOption.DoNotIncludeTests();

  @Override
  public boolean includes(Location location) {
    return NOT_TESTS.includes(location) && !location.contains("-tests.jar");
  }
}
