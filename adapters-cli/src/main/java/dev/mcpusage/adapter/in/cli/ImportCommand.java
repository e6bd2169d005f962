package dev.mcpusage.adapter.in.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpusage.application.port.in.RecordBatchCommand;
import dev.mcpusage.application.port.in.RecordResult;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.domain.event.EventColumns;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Command: {@code import FILE} — events from CSV or JSON Lines, idempotent by event id. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Store events from a CSV or JSON Lines file (an export, or Archon/Supabase rows).",
      "The file is one written by 'mcp-usage export', or rows of an Archon/Supabase archon_mcp_usage_events table (its hour_bucket/date_bucket are ignored, PostgreSQL's timestamp and t/f forms are understood). Idempotent by event id, so running it again after an interruption stores only what is missing. Bad rows are reported with their line and skipped; exit 1 if any was. Progress on a terminal."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage import last-week.jsonl",
      "  mcp-usage import archon_mcp_usage_events_rows.csv",
      "  zcat today.jsonl.gz | mcp-usage import --format jsonl -"
    })
public final class ImportCommand implements Callable<Integer> {

  private static final int SHOWN_PROBLEMS = 20;

  // how Jackson names a place in its messages: "[Source: REDACTED (...); line: 1, column: 9]"
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  @Parameters(paramLabel = "FILE", description = "The file to read, or - for stdin.")
  String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv or jsonl (default: from the file name).")
  EventFileFormat format;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "5000",
      description = "Events per transaction, 1..100000 (default ${DEFAULT-VALUE}).")
  int batch;

  @Spec CommandSpec spec;

  private final RecordUsage recordUsage;
  private final Clock clock;
  // two objects on one line would otherwise be read as the first alone, the second lost unseen
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final List<Long> batchLines = new ArrayList<>();
  private final List<UsageEvent> batchEvents = new ArrayList<>();
  private long read;
  private long stored;
  private long duplicates;
  private long refused;
  private long adjusted;

  public ImportCommand(RecordUsage recordUsage, Clock clock) {
    this.recordUsage = recordUsage;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    if (batch < 1 || batch > RecordBatchCommand.MAX_EVENTS) {
      throw new ParameterException(
          spec.commandLine(),
          "--batch must be between 1 and " + RecordBatchCommand.MAX_EVENTS + ", was " + batch);
    }
    boolean fromStdin = file.equals("-");
    Path path = Path.of(file);
    if (!fromStdin) {
      FileArguments.requireReadable(spec, "", path);
    }
    EventFileFormat chosen =
        Optional.ofNullable(format)
            .or(() -> fromStdin ? Optional.empty() : EventFileFormat.ofFileName(file))
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "cannot tell the format of '" + file + "': add --format csv or jsonl"));
    Counting input = new Counting(fromStdin ? System.in : Files.newInputStream(path));
    Progress progress =
        new Progress(
            spec.commandLine().getErr(),
            "importing",
            fromStdin ? -1 : Files.size(path),
            !fromStdin && Progress.onTerminal());
    long start = System.nanoTime();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16)) {
      // the byte order mark Excel and other Windows tools write at the start of a UTF-8 file
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      if (chosen == EventFileFormat.CSV) {
        readCsv(reader, progress, input);
      } else {
        readJsonLines(reader, progress, input);
      }
      flush();
    }
    progress.finish(read, input.count);
    printSummary((System.nanoTime() - start) / 1e9);
    return refused == 0 ? 0 : 1;
  }

  private void readCsv(BufferedReader reader, Progress progress, Counting input)
      throws IOException {
    CsvRecords records = new CsvRecords(reader);
    Optional<CsvRecords.CsvRecord> header = records.next();
    if (header.isEmpty()) {
      return;
    }
    List<String> columns = header.get().fields().stream().map(String::strip).toList();
    for (String column : columns) {
      if (!EventColumns.NAMES.contains(column) && !EventColumns.DERIVED.contains(column)) {
        throw new InvalidUsageEventException(
            column, "line 1 names a column archon_mcp_usage_events does not have");
      }
    }
    Optional<CsvRecords.CsvRecord> record;
    while ((record = records.next()).isPresent()) {
      CsvRecords.CsvRecord row = record.get();
      read++;
      if (row.fields().size() != columns.size()) {
        problem(
            row.line(),
            "row",
            "has " + row.fields().size() + " fields, the header " + columns.size());
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        values.put(columns.get(i), row.fields().get(i));
      }
      Object metadata = values.get("request_metadata");
      if (metadata instanceof String text && !text.isBlank()) {
        try {
          values.put(
              "request_metadata",
              json.readValue(text, new TypeReference<Map<String, Object>>() {}));
        } catch (JsonProcessingException e) {
          problem(row.line(), "request_metadata", "is not a JSON object: " + located(e));
          continue;
        }
      }
      accept(row.line(), values);
      progress.update(read, input.count);
    }
  }

  private void readJsonLines(BufferedReader reader, Progress progress, Counting input)
      throws IOException {
    String text;
    long line = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      read++;
      Map<String, Object> values;
      try {
        values = json.readValue(text, new TypeReference<Map<String, Object>>() {});
      } catch (JsonProcessingException e) {
        problem(line, null, "is not a JSON object: " + reason(e));
        continue;
      }
      accept(line, values);
      progress.update(read, input.count);
    }
  }

  private void accept(long line, Map<String, Object> values) {
    UsageEvent.Builder builder;
    UsageEvent event;
    try {
      builder = EventColumns.toBuilder(values, clock.instant());
      event = builder.build();
    } catch (InvalidUsageEventException e) {
      problem(line, e.field(), e.getMessage());
      return;
    }
    if (!builder.adjustments().isEmpty()) {
      adjusted++;
    }
    batchLines.add(line);
    batchEvents.add(event);
    if (batchEvents.size() >= batch) {
      flush();
    }
  }

  private void flush() {
    if (batchEvents.isEmpty()) {
      return;
    }
    RecordResult result = recordUsage.record(new RecordBatchCommand(List.copyOf(batchEvents)));
    stored += result.stored();
    duplicates += result.duplicates();
    adjusted +=
        result.adjustments().stream().mapToInt(RecordResult.Adjusted::index).distinct().count();
    result.rejections().forEach(r -> problem(batchLines.get(r.index()), r.field(), r.message()));
    batchLines.clear();
    batchEvents.clear();
  }

  /** Counts a refused row and shows it, naming its field unless {@code field} is null. */
  private void problem(long line, String field, String message) {
    refused++;
    if (refused <= SHOWN_PROBLEMS) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "line "
              + line
              + ": "
              + (field == null || message.startsWith(field + ":")
                  ? message
                  : field + ": " + message));
      err.flush();
    }
  }

  private void printSummary(double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    if (refused > SHOWN_PROBLEMS) {
      spec.commandLine()
          .getErr()
          .println("... and " + (refused - SHOWN_PROBLEMS) + " more refused rows");
    }
    out.printf(
        "Imported %s: %s read, %,d stored, %,d already there, %,d refused, %,d adjusted"
            + " in %.1f s (%,.0f rows/s)%n",
        file,
        Counted.of(read, "row"),
        stored,
        duplicates,
        refused,
        adjusted,
        seconds,
        read / Math.max(seconds, 1e-9));
    out.flush();
  }

  /** Counts the bytes read, for the progress percentage. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      int n = super.read(bytes, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Jackson's reason for a JSON Lines line, in words for a line holding two values. */
  private static String reason(JsonProcessingException e) {
    return e.getOriginalMessage().startsWith("Trailing token")
        ? "a second JSON value follows the first (one object per line)"
        : located(e);
  }

  /**
   * Jackson's reason with the place it names given as a column instead of its source description,
   * and the column where it stopped.
   */
  private static String located(JsonProcessingException e) {
    String reason = SOURCE_LOCATION.matcher(e.getOriginalMessage()).replaceAll("column $2");
    return e.getLocation() == null
        ? reason
        : reason + ", at column " + e.getLocation().getColumnNr();
  }
}
