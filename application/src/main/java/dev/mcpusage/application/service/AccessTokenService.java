package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.application.port.out.AccessTokenStore;
import dev.mcpusage.domain.access.AccessTokens;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Service: the operator's tokens when configured, else the stored ones, else new random ones saved
 * once.
 */
public class AccessTokenService implements ProvideAccessTokens {

  private final Optional<AccessTokens> configured;
  private final AccessTokenStore store;
  private final SecureRandom random;
  private AccessTokens tokens;
  private boolean generatedNow;

  public AccessTokenService(
      Optional<AccessTokens> configured, AccessTokenStore store, SecureRandom random) {
    this.configured = configured;
    this.store = store;
    this.random = random;
  }

  @Override
  public synchronized AccessTokens accessTokens() {
    if (tokens == null) {
      tokens = configured.or(store::load).orElseGet(this::generateAndSave);
    }
    return tokens;
  }

  @Override
  public boolean configuredByOperator() {
    return configured.isPresent();
  }

  @Override
  public synchronized boolean generatedNow() {
    accessTokens();
    return generatedNow;
  }

  private AccessTokens generateAndSave() {
    AccessTokens generated = new AccessTokens("mcpu_r_" + randomText(), "mcpu_w_" + randomText());
    store.save(generated);
    generatedNow = true;
    return generated;
  }

  private String randomText() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
