package dev.mcpusage.domain.event;

/** Value: a change the domain made to an accepted event so it could be stored, and why. */
public record Adjustment(String field, String message) {}
