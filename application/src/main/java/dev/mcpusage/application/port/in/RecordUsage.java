package dev.mcpusage.application.port.in;

/** Use case: record tool calls, keeping every valid event and reporting every rejected one. */
public interface RecordUsage {

  /**
   * Validates each event against the clock and stores the valid ones.
   *
   * @throws dev.mcpusage.application.port.out.StoreUnavailableException when nothing could be
   *     stored
   */
  RecordResult record(RecordBatchCommand command);
}
