package dev.mcpusage.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Value: the reader and the writer token, mirroring the seed's two RLS roles. Tokens are compared
 * in constant time so a caller cannot learn them byte by byte from response times.
 */
public record AccessTokens(String readerToken, String writerToken) {

  /** Shortest token accepted: guessing 24 random characters is out of reach. */
  public static final int MIN_LENGTH = 24;

  public AccessTokens {
    requireStrong("reader token", readerToken);
    requireStrong("writer token", writerToken);
    if (readerToken.equals(writerToken)) {
      throw new IllegalArgumentException("the reader and the writer token must differ");
    }
  }

  /** The role {@code presented} grants, if it is one of the tokens. */
  public Optional<AccessRole> roleOf(String presented) {
    if (presented == null) {
      return Optional.empty();
    }
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    // evaluate both comparisons every time: which token matched must not change the timing
    boolean writer = MessageDigest.isEqual(bytes, writerToken.getBytes(StandardCharsets.UTF_8));
    boolean reader = MessageDigest.isEqual(bytes, readerToken.getBytes(StandardCharsets.UTF_8));
    if (writer) {
      return Optional.of(AccessRole.WRITER);
    }
    return reader ? Optional.of(AccessRole.READER) : Optional.empty();
  }

  private static void requireStrong(String name, String token) {
    Objects.requireNonNull(token, name);
    if (token.length() < MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          name
              + " must be at least "
              + MIN_LENGTH
              + " characters without spaces, was "
              + token.length());
    }
  }

  @Override
  public String toString() {
    return "AccessTokens[reader=****, writer=****]";
  }
}
