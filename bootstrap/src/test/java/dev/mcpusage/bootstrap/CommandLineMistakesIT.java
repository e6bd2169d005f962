package dev.mcpusage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands say about mistakes in what they are given — options, files, an unreachable
 * database — each run as a process, as an operator would, before any database is needed.
 */
class CommandLineMistakesIT {

  @TempDir Path dataDir;

  @Test
  void givenBadProxyArguments_proxy_explainsAndExits2or1() {
    McpUsageProcess.Result noCommand = McpUsageProcess.run("proxy");
    McpUsageProcess.Result noMap =
        McpUsageProcess.run("proxy", "--category-map", "/no/such/map", "--", "cat");
    McpUsageProcess.Result noServer =
        McpUsageProcess.run("--data-dir", dataDir.toString(), "proxy", "--", "/no/such/server");

    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).contains("Missing required parameter").contains("COMMAND");
    assertThat(noMap.exitCode()).isEqualTo(2);
    assertThat(noMap.err()).contains("--category-map: cannot read /no/such/map: no such file");
    assertThat(noServer.exitCode()).isEqualTo(1);
    assertThat(noServer.err()).contains("cannot run the MCP server '/no/such/server'");
    assertThat(noServer.out()).isEmpty();
  }

  @Test
  void givenFilesThatCannotBeUsed_importAndExport_sayWhyBeforeTouchingTheDatabase(
      @TempDir Path folder) {
    McpUsageProcess.Result missing = McpUsageProcess.run("import", "/no/such/events");
    McpUsageProcess.Result aFolder = McpUsageProcess.run("import", folder.toString());
    McpUsageProcess.Result noFolder =
        McpUsageProcess.run("export", "--out", folder.resolve("gone/events.csv").toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read /no/such/events: no such file");
    assertThat(aFolder.exitCode()).isEqualTo(2);
    assertThat(aFolder.err()).contains("cannot read " + folder + ": it is a folder");
    assertThat(noFolder.exitCode()).isEqualTo(2);
    assertThat(noFolder.err())
        .contains("--out: cannot write " + folder.resolve("gone/events.csv"))
        .contains("the folder " + folder.resolve("gone") + " does not exist");
  }

  @Test
  void givenHoursOutOfRange_summary_exits2NamingTheOption() {
    McpUsageProcess.Result summary =
        McpUsageProcess.run("--data-dir", dataDir.toString(), "summary", "--hours", "0");

    assertThat(summary.exitCode()).isEqualTo(2);
    assertThat(summary.err()).contains("--hours must be between 1 and 4320, was 0");
  }

  @Test
  void givenUnknownOption_anyCommand_exits2() {
    McpUsageProcess.Result result = McpUsageProcess.run("summary", "--hourz", "3");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Unknown option")
        .contains("'--hourz'")
        .contains("Possible solutions: --hours")
        .contains("See 'mcp-usage summary --help'.")
        .doesNotContain("Usage:");
  }

  @Test
  void givenHours_daily_refusesTheOptionItHasNot() {
    McpUsageProcess.Result result = McpUsageProcess.run("daily", "--hours", "3");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option").contains("'--hours'");
  }

  @Test
  void givenUnreachableDatabase_summary_exits1NamingTheUrlAndTheSetting() {
    McpUsageProcess.Result result =
        McpUsageProcess.run(
            "--db-url", "jdbc:postgresql://127.0.0.1:1/mcp?password=secret", "summary");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("jdbc:postgresql://127.0.0.1:1/mcp?password=****")
        .contains("MCP_USAGE_DB_URL")
        .doesNotContain("secret")
        .doesNotContain("\tat ");
  }
}
