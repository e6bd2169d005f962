package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.mcpusage.adapter.in.cli.DbInfoCommand;
import dev.mcpusage.adapter.in.cli.MigrateCommand;
import dev.mcpusage.adapter.in.cli.ServeCommand;
import dev.mcpusage.adapter.in.cli.SummaryCommand;
import dev.mcpusage.adapter.in.cli.VerifyCommand;
import dev.mcpusage.adapter.in.http.HttpServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiringTest {

  @TempDir Path workingDir;

  @Test
  void givenEmbeddedSettings_injector_resolvesEveryCommand_andStartsNothing() {
    Path dataDir = workingDir.resolve("data");
    Settings settings =
        Settings.resolve(Map.of("data.dir", dataDir.toString()), Map.of(), workingDir);

    Injector injector = Guice.createInjector(Main.modules(settings));

    for (Class<?> command :
        new Class<?>[] {
          ServeCommand.class,
          MigrateCommand.class,
          VerifyCommand.class,
          SummaryCommand.class,
          DbInfoCommand.class,
          HttpServer.class
        }) {
      assertThat(injector.getInstance(command)).isNotNull();
    }
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void givenDatabaseUrl_injector_wiresTheExternalServer_withoutConnecting() {
    Settings settings =
        Settings.resolve(
            Map.of("db.url", "jdbc:postgresql://127.0.0.1:1/nothing-listens-here"),
            Map.of(),
            workingDir);

    Injector injector = Guice.createInjector(Main.modules(settings));

    assertThat(injector.getInstance(SummaryCommand.class)).isNotNull();
    assertThat(settings.embeddedDatabase()).isFalse();
  }
}
