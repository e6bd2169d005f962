package dev.mcpusage.application.port.out;

import dev.mcpusage.domain.access.AccessTokens;
import java.util.Optional;

/** Port out: where generated tokens are kept between runs (owner-only readable). */
public interface AccessTokenStore {

  /** The tokens stored earlier, if any. */
  Optional<AccessTokens> load();

  /** Keeps {@code tokens} for later runs. */
  void save(AccessTokens tokens);
}
