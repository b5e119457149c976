package io.quire.protocol.security;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ticket-granting ticket of a daemon's keytab login fresh: every period it calls
 * {@code checkTGTAndReloginFromKeytab} (which logs in again only once most of the ticket's
 * lifetime is gone). Hadoop IPC re-logs in by itself only for the process-wide login user; a
 * daemon's own UGI (see {@link KerberosLogin}) needs this to open new connections after its
 * first ticket expires. Does nothing for a UGI not from a keytab.
 */
public final class KeytabRelogin implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(KeytabRelogin.class);

  private final ScheduledExecutorService timer;

  private KeytabRelogin(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Starts checking {@code ugi} every {@code periodMs}; close to stop. */
  public static KeytabRelogin start(UserGroupInformation ugi, long periodMs) {
    if (!UserGroupInformation.isSecurityEnabled() || !ugi.isFromKeytab()) {
      return new KeytabRelogin(null);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "keytab-relogin " + ugi.getUserName());
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        ugi.checkTGTAndReloginFromKeytab();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Keytab re-login of {} failed; retrying in {} ms", ugi.getUserName(), periodMs,
            e);
      }
    }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    return new KeytabRelogin(timer);
  }

  @Override public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
