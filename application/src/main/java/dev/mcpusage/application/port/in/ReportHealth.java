package dev.mcpusage.application.port.in;

/** Use case: say whether the product can serve — is the store reachable. */
public interface ReportHealth {

  /** The current health; never throws for an unreachable store, it reports it. */
  HealthReport health();
}
