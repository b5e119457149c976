package io.quire.protocol.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class NameserviceTest {

  private static Configuration ha(String... ids) {
    Configuration c = new Configuration(false);
    c.set("quire.nameservices", "prod");
    c.set("quire.namenode.ids.prod", String.join(",", ids));
    int port = 9001;
    for (String id : ids) {
      c.set("quire.namenode.rpc-address.prod." + id, "localhost:" + port++);
    }
    return c;
  }

  @Test
  void readsMembersInOrder() {
    Configuration c = ha("nn1", "nn2", "nn3");
    c.set("quire.namenode.http-address.prod.nn2", "localhost:9100");
    Nameservice ns = Nameservice.configured(c).orElseThrow();
    assertEquals("prod", ns.name());
    assertEquals(List.of("nn1", "nn2", "nn3"), ns.ids());
    assertEquals(9002, ns.member("nn2").rpc().getPort());
    assertEquals(9100, ns.member("nn2").http().getPort());
    assertNull(ns.member("nn1").http());
    assertEquals(3, ns.rpcAddresses().size());
    assertTrue(Nameservice.isDefined(c, "prod"));
    assertFalse(Nameservice.isDefined(c, "other"));
  }

  @Test
  void noNameserviceMeansASingleNameNode() {
    assertTrue(Nameservice.configured(new Configuration(false)).isEmpty());
  }

  @Test
  void wrongSizesAndMissingAddressesNameTheKey() {
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
        () -> Nameservice.configured(ha("nn1")));
    assertTrue(one.getMessage().contains("quire.namenode.ids.prod"), one.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Nameservice.configured(ha("a", "b", "c", "d")));
    Configuration c = ha("nn1", "nn2");
    c.unset("quire.namenode.rpc-address.prod.nn2");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Nameservice.configured(c));
    assertTrue(missing.getMessage().contains("quire.namenode.rpc-address.prod.nn2"),
        missing.getMessage());
    Configuration dup = ha("nn1", "nn2");
    dup.set("quire.namenode.ids.prod", "nn1,nn1");
    assertThrows(IllegalArgumentException.class, () -> Nameservice.configured(dup));
    Configuration two = ha("nn1", "nn2");
    two.set("quire.nameservices", "a,b");
    assertThrows(IllegalArgumentException.class, () -> Nameservice.configured(two));
  }

  @Test
  void localIdFromPropertyOrFromTheOneLocalAddress() {
    Configuration c = ha("nn1", "nn2");
    c.set("quire.namenode.rpc-address.prod.nn2", "192.0.2.1:9002"); // TEST-NET, not local
    Nameservice ns = Nameservice.configured(c).orElseThrow();
    assertEquals("nn1", ns.localId(c));
    c.set("quire.namenode.id", "nn2");
    assertEquals("nn2", ns.localId(c));
    c.set("quire.namenode.id", "nn9");
    assertThrows(IllegalArgumentException.class, () -> ns.localId(c));
    Configuration both = ha("nn1", "nn2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Nameservice.configured(both).orElseThrow().localId(both));
    assertTrue(e.getMessage().contains("-Dquire.namenode.id"), e.getMessage());
  }
}
