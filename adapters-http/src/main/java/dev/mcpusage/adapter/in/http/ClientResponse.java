package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.stats.ClientUsage;

/** Response: one client type over a period — calls, sessions, error rate. */
record ClientResponse(
    String clientType, long callCount, long errorCount, double errorRate, long uniqueSessions) {

  static ClientResponse from(ClientUsage client) {
    return new ClientResponse(
        client.clientType(),
        client.stats().callCount(),
        client.stats().errorCount(),
        client.stats().errorRatePercent(),
        client.uniqueSessions());
  }
}
