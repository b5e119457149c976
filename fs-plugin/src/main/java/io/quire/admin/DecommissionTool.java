package io.quire.admin;

import io.quire.protocol.client.ClientProtocol;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code quire admin decommission <host:port|uuid>} and {@code quire admin recommission ...}:
 * asks the NameNode (ClientProtocol.setDecommission, superuser only) to start moving a
 * DataNode's replicas elsewhere before marking it decommissioned, or to put it back in service.
 * The call returns at once; {@code quire admin report} shows the node's progress
 * (DECOMMISSIONING, then DECOMMISSIONED).
 * An unknown node is an UnknownDataNodeException; a non-superuser gets AccessControlException.
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
    nn.setDecommission(args[0], decommission);
    out.println((decommission ? "Decommission started for " : "Recommissioned ") + args[0]);
    return EXIT_OK;
  }
}
