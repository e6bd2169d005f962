package dev.mcpusage.adapter.in.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  private final TablePrinter table =
      new TablePrinter(List.of("tool", "calls", "avg ms", "last call"))
          .row(
              "find_tasks",
              1_122L,
              new TablePrinter.Decimal(1122.04, 1),
              Instant.parse("2026-11-30T06:26:51.648Z"));

  @Test
  void aTable_groupsAndRightAlignsEveryNumber_andShowsTimesToTheSecond() {
    assertThat(printed(table::print))
        .isEqualTo(
            """
            tool        calls   avg ms  last call
            find_tasks  1,122  1,122.0  2026-11-30 06:26:51
            """);
  }

  @Test
  void csv_keepsNumbersPlain_withADecimalPoint_inAnyDefaultLocale() {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      assertThat(printed(table::printCsv))
          .isEqualTo(
              """
              tool,calls,avg ms,last call
              find_tasks,1122,1122.0,2026-11-30T06:26:51.648Z
              """);
    } finally {
      Locale.setDefault(before);
    }
  }

  private static String printed(Consumer<PrintWriter> print) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      print.accept(out);
    }
    return text.toString().replace(System.lineSeparator(), "\n");
  }
}
