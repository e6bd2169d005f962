package dev.mcpusage.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: runs {@code mcp-usage} as its own JVM process, as an operator would. */
final class McpUsageProcess {

  private McpUsageProcess() {}

  static Result run(String... args) {
    Process process = start(args);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("mcp-usage " + String.join(" ", args) + " did not finish");
      }
      return new Result(
          process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Process start(String... args) {
    return start(Map.of(), args);
  }

  /** The product as shipped (built by the package phase, before the integration tests). */
  static final Path RUNNABLE_JAR = Path.of("target", "mcp-usage.jar").toAbsolutePath();

  /**
   * Starts {@code java -jar mcp-usage.jar args}: what {@code ./mcp-usage} runs, with only the
   * libraries the jar bundles (a dependency left out of it fails here, not on the test classpath).
   */
  static Process startRunnableJar(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                RUNNABLE_JAR.toString()));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code mcp-usage args} with {@code environment} added to this process's. */
  static Process start(Map<String, String> environment, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads stdout of a started {@code serve} until it says where it listens. */
  static String awaitServing(Process serve) throws IOException {
    StringBuilder seen = new StringBuilder();
    Pattern serving = Pattern.compile("serving on (http://\\S+)");
    var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher matcher = serving.matcher(line);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("serve ended without serving: " + seen + read(serve.getErrorStream()));
  }

  private static String read(java.io.InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
