package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.HealthReport;
import dev.mcpusage.application.port.in.TrackerStatistics;
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
  private final LongAdder ingestAdjusted = new LongAdder();

  void countIngest(int stored, int duplicates, int rejected, long adjusted) {
    ingestStored.add(stored);
    ingestDuplicates.add(duplicates);
    ingestRejected.add(rejected);
    ingestAdjusted.add(adjusted);
  }

  void record(String method, String route, int status, long durationNanos) {
    Key key = new Key(method, route, status);
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    nanos.computeIfAbsent(key, k -> new LongAdder()).add(durationNanos);
  }

  /** The Prometheus text exposition of the counters, the store's health and the writer's. */
  String prometheusText(HealthReport health) {
    StringBuilder text = new StringBuilder();
    text.append("# HELP mcp_usage_store_up 1 when the database answered the last health probe.\n")
        .append("# TYPE mcp_usage_store_up gauge\n")
        .append("mcp_usage_store_up ")
        .append(health.storeReachable() ? 1 : 0)
        .append('\n');
    appendWriter(text, health.writer());
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
        .append('\n')
        .append("mcp_usage_ingest_events_total{outcome=\"adjusted\"} ")
        .append(ingestAdjusted.sum())
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

  private static void appendWriter(StringBuilder text, TrackerStatistics writer) {
    metric(
        text,
        "mcp_usage_tracker_events_total",
        "counter",
        "Events through the in-process tracker, by outcome.");
    sample(text, "mcp_usage_tracker_events_total", "outcome", "accepted", writer.accepted());
    sample(text, "mcp_usage_tracker_events_total", "outcome", "written", writer.written());
    sample(text, "mcp_usage_tracker_events_total", "outcome", "duplicate", writer.duplicates());
    sample(text, "mcp_usage_tracker_events_total", "outcome", "retried", writer.retried());
    sample(text, "mcp_usage_tracker_events_total", "outcome", "spooled", writer.spooled());
    sample(text, "mcp_usage_tracker_events_total", "outcome", "replayed", writer.replayed());
    metric(
        text,
        "mcp_usage_tracker_rejected_total",
        "counter",
        "Events the tracker refused, by the field at fault.");
    writer
        .rejectedByField()
        .forEach(
            (field, count) ->
                sample(text, "mcp_usage_tracker_rejected_total", "field", field, count));
    metric(
        text,
        "mcp_usage_tracker_adjusted_total",
        "counter",
        "Events the tracker stored with a change (U+0000 replaced, text cut, metadata too large), by field.");
    writer
        .adjustedByField()
        .forEach(
            (field, count) ->
                sample(text, "mcp_usage_tracker_adjusted_total", "field", field, count));
    metric(
        text,
        "mcp_usage_tracker_dropped_total",
        "counter",
        "Events the tracker could not keep, by reason.");
    writer
        .droppedByReason()
        .forEach(
            (reason, count) ->
                sample(text, "mcp_usage_tracker_dropped_total", "reason", reason, count));
    metric(
        text,
        "mcp_usage_tracker_backlog_events",
        "gauge",
        "Events accepted but not yet stored, by where they wait.");
    sample(text, "mcp_usage_tracker_backlog_events", "place", "queue", writer.queueDepth());
    sample(text, "mcp_usage_tracker_backlog_events", "place", "retry", writer.retryingEvents());
    sample(text, "mcp_usage_tracker_backlog_events", "place", "journal", writer.journalEvents());
    metric(text, "mcp_usage_tracker_journal_bytes", "gauge", "Size of the journal on disk.");
    text.append("mcp_usage_tracker_journal_bytes ").append(writer.journalBytes()).append('\n');
    metric(
        text,
        "mcp_usage_tracker_write_seconds",
        "summary",
        "Time of the writer's batch writes to the store.");
    text.append("mcp_usage_tracker_write_seconds_count ")
        .append(writer.writes())
        .append('\n')
        .append("mcp_usage_tracker_write_seconds_sum ")
        .append(writer.writeNanosTotal() / 1e9)
        .append('\n');
    metric(
        text,
        "mcp_usage_tracker_write_seconds_max",
        "gauge",
        "Longest batch write to the store since start.");
    text.append("mcp_usage_tracker_write_seconds_max ")
        .append(writer.writeNanosMax() / 1e9)
        .append('\n');
  }

  private static void metric(StringBuilder text, String name, String type, String help) {
    text.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type)
        .append('\n');
  }

  private static void sample(
      StringBuilder text, String name, String label, String value, long count) {
    text.append(name)
        .append('{')
        .append(label)
        .append("=\"")
        .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
        .append("\"} ")
        .append(count)
        .append('\n');
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
