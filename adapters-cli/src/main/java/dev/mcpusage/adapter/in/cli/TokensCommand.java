package dev.mcpusage.adapter.in.cli;

import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.domain.access.AccessTokens;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Command: {@code tokens} — show the HTTP reader and writer tokens (generating them on first use).
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    description =
        "Show the HTTP bearer tokens: reader (all GETs) and writer (also ingest and the cron paths).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage tokens",
      "  curl -H \"Authorization: Bearer $(mcp-usage tokens --writer)\" \\",
      "      -X POST localhost:8181/api/mcp-analytics/cleanup",
      "",
      "Set MCP_USAGE_READER_TOKEN and MCP_USAGE_WRITER_TOKEN to choose them yourself;",
      "otherwise they are generated once and kept, readable by the owner only, in",
      "<data dir>/tokens.properties."
    })
public final class TokensCommand implements Callable<Integer> {

  @picocli.CommandLine.Option(names = "--reader", description = "Print only the reader token.")
  boolean readerOnly;

  @picocli.CommandLine.Option(names = "--writer", description = "Print only the writer token.")
  boolean writerOnly;

  @Spec CommandSpec spec;

  private final ProvideAccessTokens tokens;

  public TokensCommand(ProvideAccessTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Integer call() {
    AccessTokens current = tokens.accessTokens();
    PrintWriter out = spec.commandLine().getOut();
    if (readerOnly || writerOnly) {
      out.println(readerOnly ? current.readerToken() : current.writerToken());
      return 0;
    }
    out.println("reader  " + current.readerToken());
    out.println("writer  " + current.writerToken());
    out.println(
        tokens.configuredByOperator()
            ? "(set by MCP_USAGE_READER_TOKEN / MCP_USAGE_WRITER_TOKEN)"
            : "(generated; kept in the data dir, readable by the owner only)");
    return 0;
  }
}
