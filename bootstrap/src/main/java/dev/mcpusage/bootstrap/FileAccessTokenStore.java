package dev.mcpusage.bootstrap;

import dev.mcpusage.application.port.out.AccessTokenStore;
import dev.mcpusage.domain.access.AccessTokens;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Adapter (file): generated tokens in {@code <data dir>/tokens.properties}, readable by the owner
 * only.
 */
public final class FileAccessTokenStore implements AccessTokenStore {

  private final Path file;

  public FileAccessTokenStore(Path dataDir) {
    this.file = dataDir.resolve("tokens.properties");
  }

  @Override
  public Optional<AccessTokens> load() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokens in " + file, e);
    }
    return Optional.of(
        new AccessTokens(
            properties.getProperty("reader.token"), properties.getProperty("writer.token")));
  }

  @Override
  public void save(AccessTokens tokens) {
    Properties properties = new Properties();
    properties.setProperty("reader.token", tokens.readerToken());
    properties.setProperty("writer.token", tokens.writerToken());
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer writer = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
        properties.store(
            writer, "mcp-usage HTTP tokens (generated; show them with: mcp-usage tokens)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tokens to " + file, e);
    }
  }
}
