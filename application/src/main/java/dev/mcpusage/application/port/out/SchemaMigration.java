package dev.mcpusage.application.port.out;

/** Result: the schema version in place and how many migrations this process applied to reach it. */
public record SchemaMigration(String version, int applied) {}
