package dev.mcpusage.application.port.in;

import dev.mcpusage.domain.access.AccessTokens;

/**
 * Use case: the reader and writer tokens in force, created on first use when none are configured.
 */
public interface ProvideAccessTokens {

  /** The tokens; the same on every call and across restarts. */
  AccessTokens accessTokens();

  /** True when the operator set both tokens, rather than the product generating them. */
  boolean configuredByOperator();

  /** True when this process generated the tokens (first start), so they should be shown once. */
  boolean generatedNow();
}
