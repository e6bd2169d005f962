package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void givenBadPort_settings_nameTheValueAsItWasGiven_andTheRange() throws Exception {
    Files.writeString(dir.resolve("mcp-usage.properties"), "http.port=eighty\n");

    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_HTTP_PORT", "70000"), dir))
        .hasMessage("MCP_USAGE_HTTP_PORT must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), dir))
        .hasMessage(
            "http.port in "
                + dir.resolve("mcp-usage.properties")
                + " must be an integer, was 'eighty'");
    assertThatThrownBy(
            () -> Settings.resolve(Map.of("http.port", "-1"), key -> "--port", Map.of(), dir))
        .hasMessage("--port must be between 0 and 65535, was -1");
    assertThatThrownBy(() -> Settings.resolve(Map.of("http.port", "-1"), Map.of(), dir))
        .hasMessage("http.port must be between 0 and 65535, was -1");
  }

  @Test
  void givenSwitches_settings_readTheUsualWords_andRefuseOthers() {
    Settings off =
        Settings.resolve(
            Map.of(),
            Map.of(
                "MCP_USAGE_AUTO_MIGRATE", "no",
                "MCP_USAGE_EMBEDDED_FSYNC", "OFF",
                "MCP_USAGE_HTTP_ANONYMOUS_READS", "0"),
            dir);
    Settings on =
        Settings.resolve(
            Map.of(),
            Map.of(
                "MCP_USAGE_AUTO_MIGRATE", "yes",
                "MCP_USAGE_EMBEDDED_FSYNC", "on",
                "MCP_USAGE_HTTP_ANONYMOUS_READS", "1"),
            dir);

    assertThat(List.of(off.autoMigrate(), off.embeddedFsync(), off.anonymousReads()))
        .containsOnly(false);
    assertThat(List.of(on.autoMigrate(), on.embeddedFsync(), on.anonymousReads()))
        .containsOnly(true);
    // "on" and "1" read as false before: a switch someone meant to turn on was silently off
    assertThatThrownBy(
            () -> Settings.resolve(Map.of(), Map.of("MCP_USAGE_EMBEDDED_FSYNC", "maybe"), dir))
        .hasMessage(
            "MCP_USAGE_EMBEDDED_FSYNC must be true or false (or yes/no, on/off, 1/0), was 'maybe'");
  }

  @Test
  void givenNamesNoSettingReads_settings_listThemWithTheLikelyOne_andRefuseThemInCode()
      throws Exception {
    Files.writeString(dir.resolve("mcp-usage.properties"), "http.prot=9000\nretention.days=30\n");
    Map<String, String> env =
        Map.of(
            "MCP_USAGE_DB_URI", "jdbc:postgresql://db/x",
            "MCP_USAGE_RETENTION", "30",
            "MCP_USAGE_HTTP_PORT", "9001",
            "MCP_USAGE_JAVA_OPTS", "-Xmx1g",
            "PATH", "/usr/bin");

    Settings settings = Settings.resolve(Map.of(), env, dir);

    assertThat(settings.unknownNames())
        .containsExactly(
            "MCP_USAGE_DB_URI (did you mean MCP_USAGE_DB_URL?)",
            "MCP_USAGE_RETENTION (did you mean MCP_USAGE_RETENTION_DAYS?)",
            "http.prot in " + dir.resolve("mcp-usage.properties") + " (did you mean http.port?)");
    assertThat(settings.retentionDays()).isEqualTo(30);
    assertThat(Settings.resolve(Map.of(), Map.of(), Path.of("/nonexistent")).unknownNames())
        .isEmpty();
    assertThatThrownBy(() -> Settings.resolve(Map.of("db.uri", "x"), Map.of(), dir))
        .hasMessage("'db.uri' is not a setting (did you mean db.url?)");
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
        .hasMessageContaining("MCP_USAGE_SEND_TO must be an http(s) URL");
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
