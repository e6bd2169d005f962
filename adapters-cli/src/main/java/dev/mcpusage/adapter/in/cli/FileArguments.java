package dev.mcpusage.adapter.in.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Edge: checks a file named on the command line before any work starts, saying what is wrong. */
final class FileArguments {

  private FileArguments() {}

  /** Refuses {@code file} unless it is a readable file; {@code what} names it in the message. */
  static Path requireReadable(CommandSpec spec, String what, Path file) {
    Path absolute = file.toAbsolutePath();
    String problem =
        !Files.exists(absolute)
            ? "no such file"
            : Files.isDirectory(absolute)
                ? "it is a folder"
                : !Files.isReadable(absolute) ? "permission denied" : null;
    if (problem != null) {
      throw new ParameterException(
          spec.commandLine(), what + "cannot read " + absolute + ": " + problem);
    }
    return file;
  }

  /** Refuses {@code file} unless its folder exists and is writable. */
  static Path requireWritable(CommandSpec spec, String what, Path file) {
    Path folder = file.toAbsolutePath().getParent();
    String problem =
        !Files.isDirectory(folder)
            ? "the folder " + folder + " does not exist"
            : !Files.isWritable(folder)
                ? "the folder " + folder + " is not writable"
                : Files.isDirectory(file) ? "it is a folder" : null;
    if (problem != null) {
      throw new ParameterException(
          spec.commandLine(), what + "cannot write " + file.toAbsolutePath() + ": " + problem);
    }
    return file;
  }
}
