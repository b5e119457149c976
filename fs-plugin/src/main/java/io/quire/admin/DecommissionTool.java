package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code quire admin decommission <host:port|uuid>} and {@code quire admin recommission ...}:
 * asks the NameNode (ClientProtocol.setDecommission, superuser only) to start moving a
 * DataNode's replicas elsewhere before marking it decommissioned, or to put it back in service.
 * The call returns at once; {@code quire admin report} shows the node's progress
 * (DECOMMISSIONING, then DECOMMISSIONED).
 *
 * <p>setDecommission is looked up on the protocol interface at run time, so this client also
 * runs against a protocol build that predates it and then says so in one line.
 */
public final class DecommissionTool extends AdminTool {
  private final boolean decommission;

  public DecommissionTool(boolean decommission) {
    this(decommission, System.out, System.err);
  }

  public DecommissionTool(boolean decommission, PrintStream out, PrintStream err) {
    super(out, err);
    this.decommission = decommission;
  }

  @Override public String name() { return decommission ? "decommission" : "recommission"; }

  @Override public String usage() { return "<host:port|datanode-uuid>"; }

  @Override protected int run(ClientProtocol nn, String[] args) throws IOException {
    if (args.length != 1) {
      throw new UsageException("want exactly one DataNode (host:port or UUID)");
    }
    setDecommission(nn, args[0], decommission);
    out.println((decommission ? "Decommission started for " : "Recommissioned ") + args[0]);
    return EXIT_OK;
  }

  static void setDecommission(ClientProtocol nn, String node, boolean on) throws IOException {
    Method m;
    try {
      m = ClientProtocol.class.getMethod("setDecommission", String.class, boolean.class);
    } catch (NoSuchMethodException e) {
      throw new IOException((on ? "decommission " : "recommission ") + node
          + ": this quire-protocol has no ClientProtocol.setDecommission", e);
    }
    try {
      m.invoke(nn, node, on);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException((on ? "decommission " : "recommission ") + node + ": " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IOException("decommission " + node + ": " + e, e);
    }
  }
}
