package dev.mcpusage.application.port.out;

/**
 * Result: which store is in use — engine, whether the product runs it itself, a connection URL
 * without secrets, and a command-line URI a shell client accepts.
 */
public record StoreDescription(
    String engine, boolean embedded, String connectionUrl, String shellUri) {}
