package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.BlockKeyProto;
import io.quire.protocol.proto.QuireTypesProtos.BlockTokenProto;
import io.quire.protocol.proto.QuireTypesProtos.ExportedBlockKeysProto;
import io.quire.protocol.security.BlockKey;
import io.quire.protocol.security.BlockTokenIdentifier;
import io.quire.protocol.security.ExportedBlockKeys;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.thirdparty.protobuf.ByteString;

/**
 * Converts block access tokens and block keys between their Java and protobuf forms. An empty
 * token (tokens off) is not sent: callers set the optional field only when
 * {@link #isPresent}; an absent field becomes an empty token / {@link ExportedBlockKeys#NONE}.
 */
public final class TokenConverter {
  private TokenConverter() {}

  public static boolean isPresent(Token<BlockTokenIdentifier> t) {
    return t != null && t.getIdentifier().length > 0;
  }

  public static BlockTokenProto toProto(Token<BlockTokenIdentifier> t) {
    return BlockTokenProto.newBuilder()
        .setIdentifier(ByteString.copyFrom(t.getIdentifier()))
        .setPassword(ByteString.copyFrom(t.getPassword()))
        .build();
  }

  public static Token<BlockTokenIdentifier> toToken(BlockTokenProto p) {
    return new Token<>(p.getIdentifier().toByteArray(), p.getPassword().toByteArray(),
        BlockTokenIdentifier.KIND, new Text());
  }

  public static ExportedBlockKeysProto toProto(ExportedBlockKeys k) {
    ExportedBlockKeysProto.Builder b = ExportedBlockKeysProto.newBuilder()
        .setCurrentKeyId(k.currentKeyId());
    for (BlockKey key : k.keys()) {
      b.addKeys(BlockKeyProto.newBuilder().setKeyId(key.getKeyId())
          .setExpiryDate(key.getExpiryDate())
          .setSecret(ByteString.copyFrom(key.getSecret())));
    }
    return b.build();
  }

  public static ExportedBlockKeys toKeys(ExportedBlockKeysProto p) {
    return new ExportedBlockKeys(p.getCurrentKeyId(), p.getKeysList().stream()
        .map(k -> new BlockKey(k.getKeyId(), k.getExpiryDate(), k.getSecret().toByteArray()))
        .toList());
  }
}
