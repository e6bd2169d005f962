package dev.mcpusage.domain.privacy;

import static dev.mcpusage.domain.event.UsageEventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.domain.event.UsageEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacyPolicyTest {

  @Test
  void givenSensitiveKeysAtAnyDepth_apply_redactsTheirValues_andKeepsTheRest() {
    UsageEvent event =
        anEvent()
            .requestMetadata(
                Map.of(
                    "Authorization", "Bearer abc",
                    "args", Map.of("query", "joins", "api_key", "k-123"),
                    "headers", List.of(Map.of("Cookie", "s=1"), Map.of("accept", "json"))))
            .build();

    Map<String, Object> metadata = PrivacyPolicy.standard().apply(event).requestMetadata();

    assertThat(metadata.get("Authorization")).isEqualTo("[REDACTED]");
    assertThat(metadata.get("args")).isEqualTo(Map.of("query", "joins", "api_key", "[REDACTED]"));
    assertThat(metadata.get("headers"))
        .isEqualTo(List.of(Map.of("Cookie", "[REDACTED]"), Map.of("accept", "json")));
  }

  @Test
  void queryTextModes_keepHashOrDropTheText() {
    UsageEvent event = anEvent().queryText("how to paginate").build();

    assertThat(PrivacyPolicy.of(QueryTextMode.FULL, "x").apply(event).queryText())
        .contains("how to paginate");
    assertThat(PrivacyPolicy.of(QueryTextMode.NONE, "x").apply(event).queryText()).isEmpty();
    assertThat(PrivacyPolicy.of(QueryTextMode.HASH, "x").apply(event).queryText())
        .hasValueSatisfying(
            hash -> assertThat(hash).startsWith("sha256:").hasSize(71).doesNotContain("paginate"));
  }

  @Test
  void givenMetadataOverTheCap_apply_replacesItWithAMarkerSayingHowLargeItWas() {
    UsageEvent event = anEvent().requestMetadata(Map.of("blob", "x".repeat(20_000))).build();

    Map<String, Object> metadata = PrivacyPolicy.standard().apply(event).requestMetadata();

    assertThat(metadata).containsEntry("_truncated", true).containsEntry("_original_chars", 20_011);
  }

  @Test
  void givenUnknownMode_parse_namesTheChoices() {
    assertThatThrownBy(() -> QueryTextMode.parse("partial"))
        .hasMessageContaining("full, hash or none");
    assertThat(QueryTextMode.parse(" Hash ")).isEqualTo(QueryTextMode.HASH);
  }
}
