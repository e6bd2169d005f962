package dev.mcpusage.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark: latency of each analytics endpoint under concurrent load, run as its own process
 * against a running {@code mcp-usage serve}. Every request is a full one (no If-None-Match).
 * Arguments: base URL, concurrent clients, seconds per endpoint, warm-up seconds.
 */
public final class EndpointLatency {

  static final List<String> ENDPOINTS =
      List.of(
          "/api/mcp/analytics/summary?hours=24",
          "/api/mcp/analytics/summary?hours=168",
          "/api/mcp/analytics/summary?hours=4320",
          "/api/mcp/analytics/hourly?hours=24",
          "/api/mcp/analytics/hourly?hours=168",
          "/api/mcp/analytics/hourly?hours=168&tool_name=rag_search_knowledge_base",
          "/api/mcp/analytics/daily?days=180",
          "/api/mcp/analytics/tools?hours=24",
          "/api/mcp/analytics/tools?hours=4320",
          "/api/mcp/analytics/clients?hours=168",
          "/api/mcp/analytics/errors?hours=168",
          "/api/mcp/analytics/knowledge-bases?hours=168&limit=10",
          "/health");

  private EndpointLatency() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int clients = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    System.out.printf("| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms |%n");
    System.out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
    for (String endpoint : ENDPOINTS) {
      run(http, base + endpoint, clients, warmup);
      long[] latencies = run(http, base + endpoint, clients, seconds);
      Arrays.sort(latencies);
      System.out.printf(
          "| `%s` | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
          endpoint,
          latencies.length,
          latencies.length / (double) seconds,
          ms(percentile(latencies, 0.50)),
          ms(percentile(latencies, 0.95)),
          ms(percentile(latencies, 0.99)),
          ms(latencies[latencies.length - 1]));
    }
  }

  private static long[] run(HttpClient http, String url, int clients, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong failures = new AtomicLong();
    List<Future<List<Long>>> results = new ArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    for (int i = 0; i < clients; i++) {
      results.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                  long start = System.nanoTime();
                  HttpResponse<byte[]> response =
                      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  long took = System.nanoTime() - start;
                  if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                  }
                  latencies.add(took);
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(
          failures.get() + " requests to " + url + " did not answer 200");
    }
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
