package dev.mcpusage.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private final AccessTokens tokens = new AccessTokens("r".repeat(32), "w".repeat(32));

  @Test
  void eachToken_grantsItsRole_andAnythingElseNone() {
    assertThat(tokens.roleOf("r".repeat(32))).contains(AccessRole.READER);
    assertThat(tokens.roleOf("w".repeat(32))).contains(AccessRole.WRITER);
    assertThat(tokens.roleOf("w".repeat(31))).isEmpty();
    assertThat(tokens.roleOf("")).isEmpty();
    assertThat(tokens.roleOf(null)).isEmpty();
  }

  @Test
  void writer_coversReading_butReaderDoesNotCoverWriting() {
    assertThat(AccessRole.WRITER.covers(AccessRole.READER)).isTrue();
    assertThat(AccessRole.READER.covers(AccessRole.WRITER)).isFalse();
  }

  @Test
  void givenShortOrEqualTokens_construction_isRejected() {
    assertThatThrownBy(() -> new AccessTokens("short", "w".repeat(32)))
        .hasMessageContaining("at least 24");
    assertThatThrownBy(() -> new AccessTokens("x".repeat(30), "x".repeat(30)))
        .hasMessageContaining("must differ");
  }

  @Test
  void toString_neverShowsTheTokens() {
    assertThat(tokens.toString()).doesNotContain("rrrr").doesNotContain("wwww");
  }
}
