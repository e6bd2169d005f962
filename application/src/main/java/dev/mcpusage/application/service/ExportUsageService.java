package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.ExportQuery;
import dev.mcpusage.application.port.in.ExportUsage;
import dev.mcpusage.application.port.out.EventStreamReader;
import dev.mcpusage.application.port.out.StoredEvent;
import java.util.function.Consumer;

/** Service: streams the stored events of a period from the store to the caller. */
public class ExportUsageService implements ExportUsage {

  private final EventStreamReader reader;

  public ExportUsageService(EventStreamReader reader) {
    this.reader = reader;
  }

  @Override
  public long export(ExportQuery query, Consumer<StoredEvent> each) {
    return reader.each(query.from(), query.until(), each);
  }
}
