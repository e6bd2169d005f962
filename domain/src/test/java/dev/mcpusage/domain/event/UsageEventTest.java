package dev.mcpusage.domain.event;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsageEventTest {

  @Test
  void givenNoToolName_build_isRejectedNamingTheField() {
    assertThatThrownBy(() -> anEvent().toolName(null).build())
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("tool_name")
        .extracting(e -> ((InvalidUsageEventException) e).field())
        .isEqualTo("tool_name");
  }

  @Test
  void givenBlankCategory_build_isRejected() {
    assertThatThrownBy(() -> anEvent().toolCategory("  ").build())
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("tool_category");
  }

  @Test
  void givenQueryTextOf501Chars_build_cutsItTo500() {
    UsageEvent event = anEvent().queryText("x".repeat(501)).build();

    assertThat(event.queryText()).hasValueSatisfying(text -> assertThat(text).hasSize(500));
  }

  @Test
  void givenQueryTextOfExactly500Chars_build_keepsItWhole() {
    UsageEvent event = anEvent().queryText("y".repeat(500)).build();

    assertThat(event.queryText().orElseThrow()).hasSize(500);
  }

  @Test
  void givenSurrogatePairAcrossTheCut_build_doesNotSplitIt() {
    String text = "a".repeat(499) + "\uD83D\uDE00";

    UsageEvent event = anEvent().queryText(text).build();

    assertThat(event.queryText().orElseThrow()).isEqualTo("a".repeat(499));
  }

  @Test
  void givenSeveralBrokenFields_build_namesEveryOneAtOnce() {
    assertThatThrownBy(
            () ->
                anEvent()
                    .toolName(" ")
                    .sessionId("s".repeat(256))
                    .responseTimeMs(-1)
                    .matchCount(-2)
                    .build())
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessage(
            "tool_name: is required and must not be blank; session_id: must be at most 255"
                + " characters, was 256; match_count: must be >= 0, was -2; response_time_ms:"
                + " must be >= 0, was -1")
        .extracting(e -> ((InvalidUsageEventException) e).field())
        .isEqualTo("tool_name");
  }

  @Test
  void givenNegativeResponseTime_build_isRejectedNamingTheLimit() {
    assertThatThrownBy(() -> anEvent().responseTimeMs(-1).build())
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessage("response_time_ms: must be >= 0, was -1");
  }

  @Test
  void givenZeroResponseTime_build_isAccepted() {
    assertThat(anEvent().responseTimeMs(0).build().responseTimeMs()).isZero();
  }

  @Test
  void givenNulCharacters_build_replacesThemSoPostgresCanStoreThem() {
    UsageEvent event = anEvent().toolName("rag\u0000search").queryText("a\u0000b").build();

    assertThat(event.toolName()).isEqualTo("rag\uFFFDsearch");
    assertThat(event.queryText()).contains("a\uFFFDb");
  }

  @Test
  void givenTooLongSessionId_build_isRejectedWithTheLimit() {
    assertThatThrownBy(() -> anEvent().sessionId("s".repeat(256)).build())
        .isInstanceOf(InvalidUsageEventException.class)
        .hasMessageContaining("session_id")
        .hasMessageContaining("255");
  }

  @Test
  void givenBlankOptionalFields_build_treatsThemAsAbsent() {
    UsageEvent event = anEvent().sessionId("").clientType(" ").build();

    assertThat(event.sessionId()).isEmpty();
    assertThat(event.clientType()).isEmpty();
  }

  @Test
  void givenNoServerName_build_usesDefault() {
    assertThat(anEvent().build().serverName()).isEqualTo("default");
  }

  @Test
  void givenNegativeMatchCount_build_isRejected() {
    assertThatThrownBy(() -> anEvent().matchCount(-3).build()).hasMessageContaining("match_count");
  }

  @Test
  void givenNulInMetadataAtAnyDepth_build_replacesItInKeysAndValues_andReportsIt() {
    UsageEvent.Builder builder =
        anEvent()
            .requestMetadata(
                java.util.Map.of("k\u0000", java.util.List.of(java.util.Map.of("v", "a\u0000b"))));

    UsageEvent event = builder.build();

    assertThat(event.requestMetadata().toString()).doesNotContain("\u0000").contains("a\uFFFDb");
    assertThat(event.requestMetadata()).containsKey("k\uFFFD");
    assertThat(builder.adjustments())
        .extracting(Adjustment::field)
        .containsExactly("request_metadata");
  }

  @Test
  void givenALongQueryAndANulInATool_adjustments_nameBothFields() {
    UsageEvent.Builder builder = anEvent().toolName("a\u0000b").queryText("q".repeat(700));

    assertThat(builder.adjustments())
        .extracting(Adjustment::field)
        .containsExactly("tool_name", "query_text");
    assertThat(builder.adjustments().get(1).message()).contains("700 characters cut to 500");
    assertThat(anEvent().adjustments()).isEmpty();
  }
}
