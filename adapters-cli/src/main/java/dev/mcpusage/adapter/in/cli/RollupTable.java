package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mcpusage.domain.stats.BucketStats;
import dev.mcpusage.domain.stats.UsageRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** Output: hourly or daily rollup rows as a table or as the HTTP API's JSON rows. */
final class RollupTable {

  /** An hour's bucket as printed: its start, to the second. */
  static final Function<Instant, Object> HOUR = bucket -> bucket;

  /** A day's bucket as printed: its UTC date. */
  static final Function<Instant, Object> DAY =
      bucket -> LocalDate.ofInstant(bucket, ZoneOffset.UTC);

  private RollupTable() {}

  static void print(
      CommandSpec spec,
      ReportOptions report,
      List<UsageRollup> rows,
      String bucketHeader,
      Function<Instant, Object> bucketCell)
      throws JsonProcessingException {
    List<Row> printed = rows.stream().map(Row::from).toList();
    if (report.json) {
      ReportOptions.printJson(spec.commandLine().getOut(), printed);
      return;
    }
    TablePrinter table =
        new TablePrinter(
            List.of(
                bucketHeader,
                "server",
                "tool",
                "category",
                "calls",
                "errors",
                "sessions",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "avg ms"));
    printed.forEach(
        row ->
            table.row(
                bucketCell.apply(row.bucket()),
                row.serverName(),
                row.toolName(),
                row.toolCategory(),
                row.callCount(),
                row.errorCount(),
                row.uniqueSessions(),
                row.p50ResponseTimeMs(),
                row.p95ResponseTimeMs(),
                row.p99ResponseTimeMs(),
                new TablePrinter.Decimal(row.avgResponseTimeMs(), 1)));
    report.print(spec, table);
  }

  /** One bucket and tool, with the HTTP API's field names. */
  record Row(
      Instant bucket,
      String serverName,
      String toolCategory,
      String toolName,
      long callCount,
      long errorCount,
      double avgResponseTimeMs,
      long uniqueSessions,
      int p50ResponseTimeMs,
      int p95ResponseTimeMs,
      int p99ResponseTimeMs) {

    static Row from(UsageRollup rollup) {
      BucketStats stats = rollup.stats();
      return new Row(
          rollup.bucketStart(),
          rollup.tool().serverName(),
          rollup.tool().toolCategory(),
          rollup.tool().toolName(),
          stats.callCount(),
          stats.errorCount(),
          Math.round(stats.averageResponseTimeMs() * 100.0) / 100.0,
          rollup.uniqueSessions(),
          stats.percentiles().p50(),
          stats.percentiles().p95(),
          stats.percentiles().p99());
    }
  }
}
