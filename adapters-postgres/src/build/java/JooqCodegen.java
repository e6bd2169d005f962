import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step: starts an embedded PostgreSQL, migrates it with the project's Flyway migrations,
 * generates jOOQ classes from the live schema, and stops it. Skips all of it when the migrations
 * have not changed since the last run. Arguments: migrations dir, target dir, package.
 */
public class JooqCodegen {

  public static void main(String[] args) throws Exception {
    Path migrations = Path.of(args[0]);
    Path target = Path.of(args[1]);
    String packageName = args[2];
    Path stamp = target.resolve(".migrations.sha256");
    String digest = digestOf(migrations);
    if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
      System.out.println("[jooq-codegen] schema classes are up to date");
      return;
    }
    System.out.println("[jooq-codegen] migrating an embedded PostgreSQL and generating jOOQ classes");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Flyway.configure()
          .dataSource(url, "postgres", "postgres")
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();
      GenerationTool.generate(
          new Configuration()
              .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url).withUser("postgres").withPassword("postgres"))
              .withGenerator(
                  new Generator()
                      .withDatabase(
                          new Database()
                              .withName("org.jooq.meta.postgres.PostgresDatabase")
                              .withInputSchema("public")
                              // day partitions exist only at run time; Flyway's table is Flyway's
                              .withExcludes("flyway_schema_history | archon_mcp_usage_events_(default|p[0-9]{8})"))
                      .withGenerate(new Generate().withJavaTimeTypes(true).withRecords(true).withPojos(false).withDaos(false))
                      .withTarget(new Target().withPackageName(packageName).withDirectory(target.toString()).withClean(true))));
    }
    Files.writeString(stamp, digest);
  }

  private static String digestOf(Path migrations) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(migrations)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(file));
    }
    sha.update(JooqCodegen.class.getName().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }
}
