package dev.mcpusage.adapter.in.http;

import java.util.List;

/** Response: rows of a breakdown with the window they cover. */
record ListResponse<T>(int timeRangeHours, List<T> data) {}
