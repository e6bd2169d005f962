package dev.mcpusage.adapter.out.postgres;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The record, in the data dir, of which process runs the embedded PostgreSQL and on which port. */
final class EmbeddedPostgresOwner {

  private final Path file;

  EmbeddedPostgresOwner(Path dataDir) {
    this.file = dataDir.resolve("embedded-postgres.properties");
  }

  /** The port of the server, when the process that started it is still alive. */
  Optional<Integer> liveOwnerPort() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    long pid = Long.parseLong(properties.getProperty("owner.pid", "-1"));
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    if (!alive || pid == ProcessHandle.current().pid()) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(properties.getProperty("port")));
  }

  void record(int port) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("owner.pid", Long.toString(ProcessHandle.current().pid()));
    properties.setProperty("jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    try (Writer writer = Files.newBufferedWriter(file)) {
      properties.store(writer, "embedded PostgreSQL of mcp-usage; removed when its owner stops");
    }
  }

  void forget() throws IOException {
    Files.deleteIfExists(file);
  }
}
