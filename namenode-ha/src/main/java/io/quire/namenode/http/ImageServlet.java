package io.quire.namenode.http;

import io.quire.namenode.image.Checkpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /image}: the NameNode's latest checkpoint file, byte for byte as its store keeps
 * it ({@code ImageFormat}: header, body, CRC32C trailer), so the receiver verifies it with the
 * same code that loads it. Headers: {@value #TXID_HEADER} (the txid the image includes),
 * {@value #CLUSTER_HEADER}, Content-Length. 404 when the NameNode has no checkpoint.
 */
public final class ImageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/image";
  public static final String TXID_HEADER = "X-Quire-Image-TxId";
  public static final String CLUSTER_HEADER = "X-Quire-Cluster-Id";

  @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    NameNodeState state = NameNodeHttpServer.state(getServletContext());
    if (state == null) {
      resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the NameNode is reloading");
      return;
    }
    Optional<Checkpoint> latest = state.checkpoints().loadLatest();
    if (latest.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND, "this NameNode has no checkpoint yet");
      return;
    }
    Checkpoint c = latest.get();
    resp.setContentType("application/octet-stream");
    resp.setHeader(TXID_HEADER, Long.toString(c.txId()));
    resp.setHeader(CLUSTER_HEADER, state.clusterId());
    resp.setContentLengthLong(Files.size(c.path()));
    try (InputStream in = Files.newInputStream(c.path());
        OutputStream out = resp.getOutputStream()) {
      in.transferTo(out);
    }
  }
}
