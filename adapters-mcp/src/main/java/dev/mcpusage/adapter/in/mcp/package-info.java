/**
 * Inbound adapter (MCP Java SDK): {@link dev.mcpusage.adapter.in.mcp.RecordingTools} wraps tool
 * specifications of Java MCP servers; {@code proxy} records any stdio MCP server; {@code demo} is
 * the built-in demo server and the SDK client that drives it.
 */
package dev.mcpusage.adapter.in.mcp;
