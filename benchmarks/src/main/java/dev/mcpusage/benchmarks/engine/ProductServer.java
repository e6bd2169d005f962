package dev.mcpusage.benchmarks.engine;

import dev.mcpusage.adapter.out.postgres.DatabaseAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The product, `mcp-usage serve` from its jar, as its own process on the harness's database. */
final class ProductServer implements AutoCloseable {

  private final Process process;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ProductServer(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  static ProductServer start(Path jar, DatabaseAddress database) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--db-url",
                database.jdbcUrl(),
                "--db-user",
                database.user(),
                "serve",
                "--port",
                Integer.toString(port)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    database.password().ifPresent(p -> builder.environment().put("MCP_USAGE_DB_PASSWORD", p));
    Process process = builder.start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread output =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.contains("serving on")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new IllegalStateException("mcp-usage serve exited"));
            },
            "product-output");
    output.setDaemon(true);
    output.start();
    ready.get(120, TimeUnit.SECONDS);
    return new ProductServer(process, "http://127.0.0.1:" + port);
  }

  /** One GET, the whole body read; returns milliseconds, fails on a non-200 answer. */
  double get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build();
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return millis;
  }

  /** The body of one GET. */
  String body(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
