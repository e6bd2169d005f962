package dev.mcpusage.adapter.in.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Command: {@code proxy -- CMD…} — record every tool call of any stdio MCP server. */
@Command(
    name = "proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Run an MCP server behind a recording stdio relay.",
      "Configure your MCP client to start 'mcp-usage proxy -- <your server command>' instead of the server itself. Every JSON-RPC message passes unchanged, in order, both ways; each tools/call is recorded with its tool, category, client, duration and outcome. Exits with the server's status. Stdout carries only the MCP protocol; mcp-usage's own messages go to stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  mcp-usage proxy --server-name archon -- python -m archon_mcp",
      "  mcp-usage proxy --category-map tools.properties \\",
      "      -- npx -y @modelcontextprotocol/server-filesystem /tmp",
      "",
      "Category map (tools.properties): one 'tool=category' per line, globs allowed:",
      "  rag_*=rag",
      "  find_tasks=task",
      "",
      "Where the calls go: the database in use (--data-dir, --db-url), or a central",
      "'mcp-usage serve' given by the environment (no local database then):",
      "  MCP_USAGE_SEND_TO=http://analytics:8181",
      "  MCP_USAGE_SEND_TOKEN=<its writer token: 'mcp-usage tokens --writer' there>"
    })
public final class ProxyCommand implements Callable<Integer> {

  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description = "server_name of the recorded calls (default: the command's file name).")
  String serverName;

  @Mixin ToolCategoryOptions categories;

  @Parameters(
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The MCP server to run and its arguments (after --).")
  List<String> command;

  @Spec CommandSpec spec;

  private final McpProxy proxy;

  public ProxyCommand(McpProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Optional<Path> categoryMap = categories.readableMap(spec);
    String name =
        serverName != null ? serverName : Path.of(command.get(0)).getFileName().toString();
    try {
      return proxy.run(
          new McpProxy.ProxyRequest(command, name, categoryMap, categories.defaultCategory));
    } catch (IOException e) {
      throw new IOException(
          "cannot run the MCP server '" + String.join(" ", command) + "': " + e.getMessage(), e);
    }
  }
}
