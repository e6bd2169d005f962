/**
 * Adapter (MCP): instrumentation of MCP Java SDK tool handlers and the stdio recording proxy.
 *
 * <p>Empty in the foundation release; the capture work (issue "Capture: a tracker …") fills it.
 * Only this package may use {@code io.modelcontextprotocol} (checked by ArchUnit in bootstrap).
 */
package dev.mcpusage.adapter.in.mcp;
