package io.quire.jobs.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The job jar for YARN tests: the module's compiled classes packed into a jar under target/
 * (in the test phase Maven has not built the module jar yet).
 */
final class JobJar {
  private JobJar() {
  }

  static File of(Class<?> anyMainClass, File target) throws IOException {
    Path classes;
    try {
      classes = Path.of(anyMainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("job jar: locating classes of " + anyMainClass, e);
    }
    if (Files.isRegularFile(classes)) {
      return classes.toFile();
    }
    Files.createDirectories(target.toPath().getParent());
    try (OutputStream os = Files.newOutputStream(target.toPath());
        JarOutputStream jar = new JarOutputStream(os);
        Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, jar);
        jar.closeEntry();
      }
    }
    return target;
  }
}
