package dev.mcpusage.adapter.in.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code /metrics}: requests per route and status, and time spent per route. */
final class HttpMetrics {

  private record Key(String method, String route, int status) {}

  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<Key, LongAdder> nanos = new ConcurrentHashMap<>();
  private final LongAdder ingestStored = new LongAdder();
  private final LongAdder ingestDuplicates = new LongAdder();
  private final LongAdder ingestRejected = new LongAdder();

  void countIngest(int stored, int duplicates, int rejected) {
    ingestStored.add(stored);
    ingestDuplicates.add(duplicates);
    ingestRejected.add(rejected);
  }

  void record(String method, String route, int status, long durationNanos) {
    Key key = new Key(method, route, status);
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    nanos.computeIfAbsent(key, k -> new LongAdder()).add(durationNanos);
  }

  /** The Prometheus text exposition of the counters, plus whether the store answered. */
  String prometheusText(boolean storeUp) {
    StringBuilder text = new StringBuilder();
    text.append("# HELP mcp_usage_store_up 1 when the database answered the last health probe.\n")
        .append("# TYPE mcp_usage_store_up gauge\n")
        .append("mcp_usage_store_up ")
        .append(storeUp ? 1 : 0)
        .append('\n');
    text.append(
            "# HELP mcp_usage_ingest_events_total Events received on POST /api/mcp/events, by outcome.\n")
        .append("# TYPE mcp_usage_ingest_events_total counter\n")
        .append("mcp_usage_ingest_events_total{outcome=\"stored\"} ")
        .append(ingestStored.sum())
        .append('\n')
        .append("mcp_usage_ingest_events_total{outcome=\"duplicate\"} ")
        .append(ingestDuplicates.sum())
        .append('\n')
        .append("mcp_usage_ingest_events_total{outcome=\"rejected\"} ")
        .append(ingestRejected.sum())
        .append('\n');
    text.append("# HELP mcp_usage_http_requests_total HTTP requests served, by route and status.\n")
        .append("# TYPE mcp_usage_http_requests_total counter\n");
    requests.forEach(
        (key, count) ->
            text.append("mcp_usage_http_requests_total")
                .append(labels(key))
                .append(' ')
                .append(count.sum())
                .append('\n'));
    text.append(
            "# HELP mcp_usage_http_request_seconds_total Time spent serving HTTP requests, by route and status.\n")
        .append("# TYPE mcp_usage_http_request_seconds_total counter\n");
    nanos.forEach(
        (key, total) ->
            text.append("mcp_usage_http_request_seconds_total")
                .append(labels(key))
                .append(' ')
                .append(total.sum() / 1e9)
                .append('\n'));
    return text.toString();
  }

  private static String labels(Key key) {
    return "{method=\""
        + key.method()
        + "\",route=\""
        + key.route().replace("\"", "")
        + "\",status=\""
        + key.status()
        + "\"}";
  }
}
