/**
 * The asynchronous record-usage use case: a queue the tool threads hand events to, and the writer
 * thread that batches, retries, spools and replays them.
 */
package dev.mcpusage.application.tracker;
