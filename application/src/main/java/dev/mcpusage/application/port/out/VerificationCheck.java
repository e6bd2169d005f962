package dev.mcpusage.application.port.out;

/** Result: one self-check of the store, passed or not, with what was seen. */
public record VerificationCheck(String name, boolean passed, String detail) {}
