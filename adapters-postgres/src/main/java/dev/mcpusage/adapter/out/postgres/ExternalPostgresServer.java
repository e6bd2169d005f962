package dev.mcpusage.adapter.out.postgres;

/** Lifecycle: a PostgreSQL server run by someone else, reached by its URL. */
public final class ExternalPostgresServer implements DatabaseServer {

  private final DatabaseAddress address;

  public ExternalPostgresServer(DatabaseAddress address) {
    this.address = address;
  }

  @Override
  public DatabaseAddress start() {
    return address;
  }

  @Override
  public void stop() {
    // nothing to release: the server is not ours
  }
}
