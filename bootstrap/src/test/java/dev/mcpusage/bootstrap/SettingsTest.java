package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path dir;

  @Test
  void givenNothing_settings_areTheDefaults() {
    Settings settings = Settings.resolve(Map.of(), Map.of("HOME", "/home/ops"), dir);

    assertThat(settings.dataDir()).isEqualTo(Path.of("/home/ops/.mcp-usage"));
    assertThat(settings.embeddedDatabase()).isTrue();
    assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
    assertThat(settings.httpPort()).isEqualTo(8181);
    assertThat(settings.retentionDays()).isEqualTo(180);
  }

  @Test
  void flagsBeatEnvironment_whichBeatsTheFile_whichBeatsDefaults() throws Exception {
    Files.writeString(
        dir.resolve("mcp-usage.properties"),
        "http.port=7001\nhttp.host=0.0.0.0\nretention.days=30\n");
    Map<String, String> env =
        Map.of("MCP_USAGE_HTTP_PORT", "7002", "MCP_USAGE_HTTP_HOST", "10.0.0.1");
    Map<String, String> flags = Map.of("http.port", "7003");

    Settings settings = Settings.resolve(flags, env, dir);

    assertThat(settings.httpPort()).isEqualTo(7003);
    assertThat(settings.httpHost()).isEqualTo("10.0.0.1");
    assertThat(settings.retentionDays()).isEqualTo(30);
  }

  @Test
  void givenBadPort_settings_nameTheKeyAndTheRange() {
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_HTTP_PORT", "70000"), dir))
        .hasMessage("http.port must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> Settings.resolve(Map.of("http.port", "eighty"), Map.of(), dir))
        .hasMessage("http.port must be an integer, was 'eighty'");
  }

  @Test
  void givenTrackerBatching_settings_keepTheLargestBatchAtLeastTheBatchSize() {
    Settings defaults = Settings.resolve(Map.of(), Map.of(), dir);
    assertThat(defaults.trackerBatchSize()).isEqualTo(1_000);
    assertThat(defaults.trackerMaxBatchSize()).isEqualTo(10_000);
    assertThat(
            Settings.resolve(Map.of(), Map.of("MCP_USAGE_TRACKER_BATCH_SIZE", "20000"), dir)
                .trackerMaxBatchSize())
        .isEqualTo(20_000);
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    Map.of("tracker.batch.size", "5000", "tracker.batch.max", "2000"),
                    Map.of(),
                    dir))
        .hasMessage("tracker.batch.max must be between 5000 and 100000, was 2000");
  }

  @Test
  void givenSendTo_settings_needAnHttpUrlAndTheWriterToken() {
    Settings sending =
        Settings.resolve(
            Map.of(),
            Map.of(
                "MCP_USAGE_SEND_TO", "http://analytics:8181", "MCP_USAGE_SEND_TOKEN", "writer-x"),
            dir);

    assertThat(Settings.resolve(Map.of(), Map.of(), dir).sendTo()).isEmpty();
    assertThat(sending.sendTo())
        .contains(new Settings.RemoteServer(URI.create("http://analytics:8181"), "writer-x"));
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_SEND_TO", "http://a:8181"), dir))
        .hasMessageContaining("needs MCP_USAGE_SEND_TOKEN");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_SEND_TOKEN", "writer-x"), dir))
        .hasMessageContaining("without MCP_USAGE_SEND_TO");
    assertThatThrownBy(
            () ->
                Settings.resolve(
                    Map.of(),
                    Map.of("MCP_USAGE_SEND_TO", "analytics:8181", "MCP_USAGE_SEND_TOKEN", "w"),
                    dir))
        .hasMessageContaining("send.to must be an http(s) URL");
  }

  @Test
  void givenDatabaseUrlThatIsNotJdbcPostgres_settings_sayWhatIsExpected() {
    assertThatThrownBy(() -> Settings.resolve(Map.of("db.url", "localhost:5432"), Map.of(), dir))
        .hasMessageContaining("db.url must start with jdbc:postgresql://")
        .hasMessageContaining("was 'localhost:5432'");
  }

  @Test
  void givenQueryTextModeInTheEnvironment_settings_parseIt_andRejectUnknownModes() {
    Settings hashed = Settings.resolve(Map.of(), Map.of("MCP_USAGE_QUERY_TEXT", "hash"), dir);

    assertThat(hashed.queryTextMode()).isEqualTo(dev.mcpusage.domain.privacy.QueryTextMode.HASH);
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_QUERY_TEXT", "some"), dir))
        .hasMessageContaining("full, hash or none");
  }
}
