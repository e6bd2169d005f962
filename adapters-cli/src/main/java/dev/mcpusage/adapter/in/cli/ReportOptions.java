package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mcpusage.domain.stats.UsageFilter;
import dev.mcpusage.domain.window.TimeWindow;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Mixin: the window, filters and output format every report command takes. */
public final class ReportOptions {

  @Option(
      names = "--hours",
      paramLabel = "N",
      defaultValue = "24",
      description =
          "Window: the current UTC hour and the N-1 before it, 1 to 4320 (default ${DEFAULT-VALUE}).")
  int hours;

  @Option(names = "--category", paramLabel = "NAME", description = "Only this tool category.")
  String category;

  @Option(names = "--tool", paramLabel = "NAME", description = "Only this tool.")
  String tool;

  @Option(names = "--server", paramLabel = "NAME", description = "Only this MCP server.")
  String server;

  @Option(names = "--client", paramLabel = "NAME", description = "Only this client type.")
  String client;

  @Option(
      names = "--json",
      description = "Print JSON (the HTTP API's snake_case fields) instead of a table.")
  boolean json;

  @Option(
      names = "--csv",
      description = "Print CSV (a header line, raw numbers) instead of a table.")
  boolean csv;

  /** Prints {@code table} as CSV or as an aligned table, as the options ask. */
  void print(CommandSpec spec, TablePrinter table) {
    if (csv) {
      table.printCsv(spec.commandLine().getOut());
    } else {
      table.print(spec.commandLine().getOut());
    }
  }

  /** Rejects --json together with --csv. */
  void checkFormat(CommandSpec spec) {
    if (json && csv) {
      throw new ParameterException(spec.commandLine(), "choose one of --json and --csv");
    }
  }

  int hours(CommandSpec spec, int max) {
    checkFormat(spec);
    if (hours < 1 || hours > max) {
      throw new ParameterException(
          spec.commandLine(), "--hours must be between 1 and " + max + ", was " + hours);
    }
    return hours;
  }

  int periodHours(CommandSpec spec) {
    return hours(spec, TimeWindow.MAX_SUMMARY_HOURS);
  }

  UsageFilter filter() {
    return new UsageFilter(
        Optional.ofNullable(server),
        Optional.ofNullable(category),
        Optional.ofNullable(tool),
        Optional.ofNullable(client));
  }

  static void printJson(PrintWriter out, Object value) throws JsonProcessingException {
    out.println(
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(value));
  }
}
