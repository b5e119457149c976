package io.quire.namenode.ops;

import io.quire.namenode.conf.NameNodeOptions;
import io.quire.namenode.namespace.CallerResolver;
import io.quire.namenode.namespace.PermissionChecker;
import java.util.function.LongSupplier;

/** What operation validators need: the state, the options, the clock and the caller. */
public record OpContext(NamespaceState state, NameNodeOptions options, LongSupplier clock,
    CallerResolver callers) {

  /** A checker for the current caller (one per operation). */
  public PermissionChecker checker() {
    return new PermissionChecker(callers.current(), options.permissionsEnabled());
  }

  public long now() {
    return clock.getAsLong();
  }
}
