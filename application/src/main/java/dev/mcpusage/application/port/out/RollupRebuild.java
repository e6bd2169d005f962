package dev.mcpusage.application.port.out;

/** Result: one rebuilt rollup (by its seed view name) and how it went. */
public record RollupRebuild(String viewName, String status) {}
