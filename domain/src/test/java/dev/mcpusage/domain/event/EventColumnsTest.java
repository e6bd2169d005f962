package dev.mcpusage.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventColumnsTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void givenAnArchonExportRow_toBuilder_readsPostgresFormsAndIgnoresTheBucketColumns() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "0b7e9f10-1111-4a53-9a57-5a3f1a2e0c11");
    row.put("timestamp", "2026-11-24 10:15:30.123+00");
    row.put("tool_name", "rag_search");
    row.put("tool_category", "rag");
    row.put("session_id", "");
    row.put("match_count", "3");
    row.put("response_time_ms", "120");
    row.put("success", "f");
    row.put("hour_bucket", "2026-11-24 10:00:00+00");
    row.put("date_bucket", "2026-11-24");

    UsageEvent event = EventColumns.toBuilder(row, RECEIVED).build();

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
    assertThat(event.sessionId()).isEmpty();
    assertThat(event.matchCount()).contains(3);
    assertThat(event.responseTimeMs()).isEqualTo(120);
    assertThat(event.success()).isFalse();
    assertThat(event.serverName()).isEqualTo(UsageEvent.DEFAULT_SERVER_NAME);
  }

  @Test
  void givenBadColumns_toBuilder_namesTheColumn() {
    assertThatThrownBy(() -> EventColumns.toBuilder(Map.of("latency", 3), RECEIVED))
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("latency");
    assertThatThrownBy(
            () ->
                EventColumns.toBuilder(
                    Map.of("tool_name", 7, "tool_category", "c", "response_time_ms", 1), RECEIVED))
        .hasMessageContaining("tool_name")
        .hasMessageContaining("must be a string");
    assertThatThrownBy(
            () ->
                EventColumns.toBuilder(
                    Map.of("tool_name", "t", "tool_category", "c", "response_time_ms", 2.5),
                    RECEIVED))
        .hasMessageContaining("response_time_ms")
        .hasMessageContaining("whole number");
    assertThatThrownBy(
            () ->
                EventColumns.toBuilder(
                    Map.of(
                        "tool_name",
                        "t",
                        "tool_category",
                        "c",
                        "response_time_ms",
                        1,
                        "success",
                        "maybe"),
                    RECEIVED))
        .hasMessageContaining("success");
  }

  @Test
  void givenSeveralBadColumns_toBuilder_namesEachColumnOnce_andTheOtherBrokenFields() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("latency", 3);
    row.put("tool_name", 7);
    row.put("tool_category", " ");
    row.put("success", "maybe");
    row.put("response_time_ms", -5);

    assertThatThrownBy(() -> EventColumns.toBuilder(row, RECEIVED))
        .isInstanceOf(InvalidUsageEventException.class)
        .extracting(e -> ((InvalidUsageEventException) e).problems().stream().map(Object::toString))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.STREAM)
        .containsExactly(
            "latency: is not a column of archon_mcp_usage_events",
            "tool_name: must be a string",
            "success: must be true or false, was maybe",
            "tool_category: is required and must not be blank",
            "response_time_ms: must be >= 0, was -5");
  }
}
