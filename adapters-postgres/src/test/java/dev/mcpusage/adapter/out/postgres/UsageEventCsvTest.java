package dev.mcpusage.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpusage.domain.event.UsageEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEventCsvTest {

  private static final UUID ID = UUID.fromString("0192f1a4-7b3c-7def-8123-456789abcdef");

  private static UsageEvent.Builder event(Instant at) {
    return UsageEvent.builder().id(ID).timestamp(at).toolName("rag_search").toolCategory("rag");
  }

  @Test
  void givenOnlyRequiredFields_of_writesEmptyUnquotedFieldsForTheAbsentOnes() {
    UsageEvent minimal = event(Instant.parse("2026-11-29T14:47:36Z")).responseTimeMs(12).build();

    assertThat(UsageEventCsv.of(List.of(minimal)))
        .isEqualTo(
            "0192f1a4-7b3c-7def-8123-456789abcdef,2026-11-29T14:47:36Z,\"default\",\"rag_search\","
                + "\"rag\",,,\"{}\",,,,12,t,\n");
  }

  @Test
  void givenEveryField_of_writesThemQuotedWithQuotesDoubledAndNanosecondsKept() {
    UsageEvent full =
        event(Instant.parse("2024-02-29T23:59:59.000000001Z"))
            .serverName("srv")
            .sessionId("s-1")
            .clientType("claude-code")
            .requestMetadata(Map.of("q", "say \"hi\""))
            .sourceId("kb")
            .queryText("a,b\nc")
            .matchCount(3)
            .responseTimeMs(250)
            .success(false)
            .errorType("Timeout")
            .build();

    assertThat(UsageEventCsv.of(List.of(full)))
        .isEqualTo(
            "0192f1a4-7b3c-7def-8123-456789abcdef,2024-02-29T23:59:59.000000001Z,\"srv\","
                + "\"rag_search\",\"rag\",\"s-1\",\"claude-code\",\"{\"\"q\"\":\"\"say"
                + " \\\"\"hi\\\"\"\"\"}\",\"kb\",\"a,b\nc\",3,250,f,\"Timeout\"\n");
  }

  @Test
  void givenTextBeyondAscii_bytes_writesItAsUtf8() {
    UsageEvent event =
        event(Instant.parse("2026-01-01T00:00:00.5Z")).queryText("café \"東京\"").build();

    String row = new String(UsageEventCsv.bytes(List.of(event)), StandardCharsets.UTF_8);

    assertThat(row).contains(",2026-01-01T00:00:00.500000000Z,").contains(",\"café \"\"東京\"\"\",");
  }

  @Test
  void givenEventsAlternatingDaysAndMetadata_of_writesEachRowsOwn() {
    List<UsageEvent> events =
        List.of(
            event(Instant.parse("2026-03-31T23:00:00Z")).requestMetadata(Map.of("n", 1)).build(),
            event(Instant.parse("2026-04-01T01:02:03Z")).requestMetadata(Map.of("n", 2)).build(),
            event(Instant.parse("2026-03-31T10:00:00Z")).requestMetadata(Map.of("n", 1)).build());

    assertThat(UsageEventCsv.of(events).lines())
        .extracting(line -> line.split(",")[1] + " " + line.split(",")[7])
        .containsExactly(
            "2026-03-31T23:00:00Z \"{\"\"n\"\":1}\"",
            "2026-04-01T01:02:03Z \"{\"\"n\"\":2}\"",
            "2026-03-31T10:00:00Z \"{\"\"n\"\":1}\"");
  }
}
