package io.quire.jobs.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Reads a whole archive sequentially, without any class of the jobs module: Avro files through
 * DataFileStream, JSON Lines through Jackson, the catalog through a CSV split of its own; applies
 * the documented validation rules and counts rejects per reason.
 */
public final class ReferenceArchive {
  final List<RefOrder> valid = new ArrayList<>();
  final Map<String, Long> malformed = new TreeMap<>();
  /** book id -> {title, author, publisher, category, series}. */
  final Map<Long, String[]> catalog = new HashMap<>();

  public ReferenceArchive(Configuration conf, Path root) throws IOException {
    FileSystem fs = root.getFileSystem(conf);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        fs.open(new Path(root, "catalog/books.csv")), StandardCharsets.UTF_8))) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        List<String> f = splitCsv(line);
        catalog.put(Long.parseLong(f.get(0)),
            new String[] {f.get(2), f.get(3), f.get(4), f.get(5), f.get(8)});
      }
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(root, "orders"), true);
    List<Path> files = new ArrayList<>();
    while (it.hasNext()) {
      Path p = it.next().getPath();
      if (!p.getName().startsWith(".") && !p.getName().startsWith("_")) {
        files.add(p);
      }
    }
    for (Path p : files) {
      try (InputStream in = fs.open(p)) {
        if (p.getName().endsWith(".avro")) {
          readAvro(in);
        } else {
          readJson(p.getName().endsWith(".gz") ? new GZIPInputStream(in) : in);
        }
      }
    }
  }

  /** Valid orders in archive order. */
  public List<RefOrder> valid() {
    return valid;
  }

  /** Series name of a book, empty for stand-alone books. */
  public String series(long book) {
    return catalog.get(book)[4];
  }

  public long malformedTotal() {
    return malformed.values().stream().mapToLong(Long::longValue).sum();
  }

  private void readAvro(InputStream in) throws IOException {
    try (DataFileStream<GenericRecord> s = new DataFileStream<>(in, new GenericDatumReader<>())) {
      for (GenericRecord r : s) {
        List<long[]> items = new ArrayList<>();
        for (Object o : (List<?>) r.get("items")) {
          GenericRecord i = (GenericRecord) o;
          items.add(new long[] {(Long) i.get("book_id"), (Integer) i.get("quantity"),
              (Long) i.get("unit_price_cents")});
        }
        accept((Long) r.get("order_id"), (Long) r.get("user_id"), (Long) r.get("placed_at"),
            r.get("status").toString(), items);
      }
    }
  }

  private void readJson(InputStream in) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = m.readTree(line);
      } catch (IOException e) {
        reject("UNPARSEABLE");
        continue;
      }
      if (!n.has("city") || !n.has("order_id") || !n.has("items") || !n.has("status")) {
        reject("MISSING_FIELD");
        continue;
      }
      List<long[]> items = new ArrayList<>();
      for (JsonNode i : n.get("items")) {
        items.add(new long[] {i.get("book_id").longValue(), i.get("quantity").longValue(),
            i.get("unit_price").decimalValue().movePointRight(2).longValueExact()});
      }
      accept(n.get("order_id").longValue(), n.get("user_id").longValue(),
          Instant.parse(n.get("placed_at").textValue()).toEpochMilli(),
          n.get("status").textValue(), items);
    }
  }

  private void accept(long id, long user, long at, String status, List<long[]> items) {
    String why = null;
    if (!Set.of("completed", "cancelled", "refunded").contains(status)) {
      why = "BAD_STATUS";
    } else if (at < Instant.parse("2000-01-01T00:00:00Z").toEpochMilli()
        || at >= Instant.parse("2100-01-01T00:00:00Z").toEpochMilli()) {
      why = "BAD_TIMESTAMP";
    } else if (items.isEmpty()) {
      why = "NO_ITEMS";
    } else {
      for (long[] i : items) {
        why = i[1] <= 0 ? "BAD_QUANTITY" : i[2] <= 0 ? "BAD_PRICE"
            : !catalog.containsKey(i[0]) ? "UNKNOWN_BOOK" : null;
        if (why != null) {
          break;
        }
      }
    }
    if (why != null) {
      reject(why);
    } else {
      valid.add(new RefOrder(id, user, at, status, items));
    }
  }

  private void reject(String why) {
    malformed.merge(why, 1L, Long::sum);
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (q && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          q = !q;
        }
      } else if (c == ',' && !q) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** Distinct book ids of an order, ascending. */
  static Set<Long> books(RefOrder o) {
    Set<Long> s = new HashSet<>();
    o.items().forEach(i -> s.add(i[0]));
    return s;
  }
}
