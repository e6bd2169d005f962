package dev.mcpusage.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.mcpusage.adapter.in.http.HttpServer;
import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import dev.mcpusage.adapter.out.postgres.PostgresConnectionPool;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test fixture: the product wired as {@link Main} wires it — embedded PostgreSQL in {@code
 * dataDir}, HTTP on a free port — with optional overriding modules, stopped as {@link Main} stops
 * it.
 */
final class RunningProduct implements AutoCloseable {

  final Injector injector;
  final HttpServer server;
  final DatabaseAddress database;

  private RunningProduct(Injector injector) {
    this.injector = injector;
    this.server = injector.getInstance(HttpServer.class);
    server.start();
    this.database = injector.getInstance(PostgresConnectionPool.class).address();
  }

  static RunningProduct start(Path dataDir, Module... overrides) {
    Settings settings =
        Settings.resolve(
            Map.of("data.dir", dataDir.toString(), "http.port", "0"), Map.of(), dataDir);
    return new RunningProduct(
        Guice.createInjector(Modules.override(Main.modules(settings)).with(overrides)));
  }

  @Override
  public void close() {
    Main.stop(injector);
  }
}
