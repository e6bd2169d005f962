package dev.mcpusage.adapter.in.http;

/** Response: DESIGN.md's error body, {@code {"error": code, "message": text}}. */
record ErrorResponse(String error, String message) {}
