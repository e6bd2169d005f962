/** Scheduled maintenance run inside {@code serve}, by one process at a time. */
package dev.mcpusage.application.schedule;
