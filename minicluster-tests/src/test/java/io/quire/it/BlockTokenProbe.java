package io.quire.it;

import io.quire.protocol.datatransfer.BlockConstructionStage;
import io.quire.protocol.datatransfer.OpResponse;
import io.quire.protocol.datatransfer.Packet;
import io.quire.protocol.datatransfer.ReadBlockRequest;
import io.quire.protocol.datatransfer.WriteBlockRequest;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.types.Block;
import io.quire.protocol.types.DatanodeId;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import org.apache.hadoop.security.token.Token;

/** Raw data-transfer requests with a chosen token, as a client guessing block ids would send. */
final class BlockTokenProbe {
  private BlockTokenProbe() {}

  /** Answer and data (null unless SUCCESS) of a READ_BLOCK of all of {@code b}. */
  record Read(OpResponse response, byte[] data) {}

  static Read read(DatanodeId dn, Block b, Token<BlockTokenIdentifier> token)
      throws IOException {
    try (Socket s = new Socket(dn.getHost(), dn.getDataPort())) {
      s.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      DataInputStream in = new DataInputStream(s.getInputStream());
      new ReadBlockRequest(b, 0, b.getNumBytes(), "prober", token).write(out);
      out.flush();
      OpResponse r = OpResponse.read(in);
      if (!r.isSuccess()) {
        return new Read(r, null);
      }
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      while (true) {
        Packet p = Packet.read(in);
        data.write(p.getData(), 0, p.getDataLen());
        if (p.isLastPacketInBlock()) {
          return new Read(r, data.toByteArray());
        }
      }
    }
  }

  /** The answer to a WRITE_BLOCK (append to {@code b}) carrying {@code token}. */
  static OpResponse write(DatanodeId dn, Block b, Token<BlockTokenIdentifier> token)
      throws IOException {
    try (Socket s = new Socket(dn.getHost(), dn.getDataPort())) {
      s.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      new WriteBlockRequest(b, "prober", List.of(), BlockConstructionStage.RECOVER_APPEND,
          b.getGenerationStamp() + 1000, token).write(out);
      out.flush();
      return OpResponse.read(new DataInputStream(s.getInputStream()));
    }
  }
}
