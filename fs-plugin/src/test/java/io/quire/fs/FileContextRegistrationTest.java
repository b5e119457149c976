package io.quire.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FileContext has no ServiceLoader: it finds {@code quire} through
 * {@code fs.AbstractFileSystem.quire.impl}, which {@link QuireFileSystem}'s class initializer
 * adds to Hadoop's default resources (quire-client-default.xml), as HDFS adds hdfs-default.xml.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileContextRegistrationTest {
  @Test
  void aFileSystemLookupMakesQuireFsTheAbstractFileSystemOfEveryConfiguration() throws Exception {
    Configuration before = new Configuration();
    // What `hadoop fs` or any FileSystem user does first: the ServiceLoader instantiates
    // every registered FileSystem, QuireFileSystem included.
    assertEquals(QuireFileSystem.class, FileSystem.getFileSystemClass("quire", before));
    assertEquals(QuireFs.class, before.getClass("fs.AbstractFileSystem.quire.impl", null),
        "default resources reach existing configurations too");
    assertEquals(QuireFs.class,
        new Configuration().getClass("fs.AbstractFileSystem.quire.impl", null));
    Configuration site = new Configuration();
    site.set("fs.AbstractFileSystem.quire.impl", "com.example.Other");
    assertEquals("com.example.Other", site.get("fs.AbstractFileSystem.quire.impl"),
        "a site setting overrides the default");
  }
}
