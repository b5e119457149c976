package io.quire.protocol.rpc;

import io.quire.protocol.proto.QuireTypesProtos.ContentSummaryInfoProto;
import io.quire.protocol.proto.QuireTypesProtos.DirectoryListingProto;
import io.quire.protocol.proto.QuireTypesProtos.FsStatsProto;
import io.quire.protocol.proto.QuireTypesProtos.InodeStatusProto;
import io.quire.protocol.proto.QuireTypesProtos.QuotaUsageProto;
import io.quire.protocol.proto.QuireTypesProtos.RenameModeProto;
import io.quire.protocol.proto.QuireTypesProtos.SafeModeActionProto;
import io.quire.protocol.proto.QuireTypesProtos.ServerDefaultsProto;
import io.quire.protocol.types.ContentSummaryInfo;
import io.quire.protocol.types.DirectoryListing;
import io.quire.protocol.types.FsStats;
import io.quire.protocol.types.InodeStatus;
import io.quire.protocol.types.RenameMode;
import io.quire.protocol.types.SafeModeAction;
import io.quire.protocol.types.ServerDefaults;
import java.util.List;
import org.apache.hadoop.fs.QuotaUsage;

/**
 * Converts namespace types (file status, listings, summaries, statistics, server defaults,
 * rename and safe-mode enums) between their Java and protobuf forms. Shorts (permission,
 * replication) travel as int32 and are narrowed back. A null owner or group travels as an
 * absent field and comes back as null.
 */
public final class NamespaceConverter {
  private NamespaceConverter() {}

  public static InodeStatusProto toProto(InodeStatus s) {
    InodeStatusProto.Builder b = InodeStatusProto.newBuilder()
        .setPath(s.getPath())
        .setFileId(s.getFileId())
        .setDirectory(s.isDirectory())
        .setLength(s.getLength())
        .setReplication(s.getReplication())
        .setBlockSize(s.getBlockSize())
        .setModificationTime(s.getModificationTime())
        .setAccessTime(s.getAccessTime())
        .setPermission(s.getPermission())
        .setChildrenCount(s.getChildrenCount())
        .setUnderConstruction(s.isUnderConstruction())
        .setEtag(s.getEtag());
    if (s.hasAcl()) {
      b.setHasAcl(true);
    }
    if (s.getOwner() != null) {
      b.setOwner(s.getOwner());
    }
    if (s.getGroup() != null) {
      b.setGroup(s.getGroup());
    }
    return b.build();
  }

  public static InodeStatus toInodeStatus(InodeStatusProto p) {
    return new InodeStatus(p.getPath(), p.getFileId(), p.getDirectory(), p.getLength(),
        (short) p.getReplication(), p.getBlockSize(), p.getModificationTime(), p.getAccessTime(),
        (short) p.getPermission(), p.hasOwner() ? p.getOwner() : null,
        p.hasGroup() ? p.getGroup() : null, p.getChildrenCount(), p.getUnderConstruction(),
        p.getEtag(), p.getHasAcl());
  }

  public static DirectoryListingProto toProto(DirectoryListing l) {
    DirectoryListingProto.Builder b =
        DirectoryListingProto.newBuilder().setRemaining(l.getRemaining());
    l.getEntries().forEach(e -> b.addEntries(toProto(e)));
    if (l.getLocations() != null) {
      l.getLocations().forEach(lbs -> b.addLocations(BlockConverter.toProto(lbs)));
    }
    return b.build();
  }

  public static DirectoryListing toListing(DirectoryListingProto p) {
    List<InodeStatus> entries =
        p.getEntriesList().stream().map(NamespaceConverter::toInodeStatus).toList();
    if (p.getLocationsCount() == 0 || p.getLocationsCount() != entries.size()) {
      return new DirectoryListing(entries, p.getRemaining());
    }
    return new DirectoryListing(entries, p.getRemaining(),
        p.getLocationsList().stream().map(BlockConverter::toLocatedBlocks).toList());
  }

  public static ContentSummaryInfoProto toProto(ContentSummaryInfo c) {
    return ContentSummaryInfoProto.newBuilder()
        .setLength(c.getLength())
        .setFileCount(c.getFileCount())
        .setDirectoryCount(c.getDirectoryCount())
        .setSpaceConsumed(c.getSpaceConsumed())
        .setQuota(c.getQuota())
        .setSpaceQuota(c.getSpaceQuota())
        .build();
  }

  public static ContentSummaryInfo toContentSummary(ContentSummaryInfoProto p) {
    return new ContentSummaryInfo(p.getLength(), p.getFileCount(), p.getDirectoryCount(),
        p.getSpaceConsumed(), p.getQuota(), p.getSpaceQuota());
  }

  public static QuotaUsageProto toProto(QuotaUsage q) {
    return QuotaUsageProto.newBuilder()
        .setFileAndDirectoryCount(q.getFileAndDirectoryCount())
        .setQuota(q.getQuota())
        .setSpaceConsumed(q.getSpaceConsumed())
        .setSpaceQuota(q.getSpaceQuota())
        .build();
  }

  public static QuotaUsage toQuotaUsage(QuotaUsageProto p) {
    return new QuotaUsage.Builder().fileAndDirectoryCount(p.getFileAndDirectoryCount())
        .quota(p.getQuota()).spaceConsumed(p.getSpaceConsumed()).spaceQuota(p.getSpaceQuota())
        .build();
  }

  public static FsStatsProto toProto(FsStats s) {
    return FsStatsProto.newBuilder()
        .setCapacity(s.getCapacity())
        .setUsed(s.getUsed())
        .setRemaining(s.getRemaining())
        .setUnderReplicatedBlocks(s.getUnderReplicatedBlocks())
        .setCorruptBlocks(s.getCorruptBlocks())
        .setMissingBlocks(s.getMissingBlocks())
        .build();
  }

  public static FsStats toFsStats(FsStatsProto p) {
    return new FsStats(p.getCapacity(), p.getUsed(), p.getRemaining(),
        p.getUnderReplicatedBlocks(), p.getCorruptBlocks(), p.getMissingBlocks());
  }

  public static ServerDefaultsProto toProto(ServerDefaults d) {
    return ServerDefaultsProto.newBuilder()
        .setBlockSize(d.getBlockSize())
        .setBytesPerChecksum(d.getBytesPerChecksum())
        .setPacketSize(d.getPacketSize())
        .setReplication(d.getReplication())
        .setMinBlockSize(d.getMinBlockSize())
        .build();
  }

  public static ServerDefaults toServerDefaults(ServerDefaultsProto p) {
    return new ServerDefaults(p.getBlockSize(), p.getBytesPerChecksum(), p.getPacketSize(),
        (short) p.getReplication(), p.getMinBlockSize());
  }

  public static RenameModeProto toProto(RenameMode m) {
    return switch (m) {
      case INTO_DIRECTORY -> RenameModeProto.RENAME_INTO_DIRECTORY;
      case NO_OVERWRITE -> RenameModeProto.RENAME_NO_OVERWRITE;
      case OVERWRITE -> RenameModeProto.RENAME_OVERWRITE;
    };
  }

  public static RenameMode toRenameMode(RenameModeProto p) {
    return switch (p) {
      case RENAME_INTO_DIRECTORY -> RenameMode.INTO_DIRECTORY;
      case RENAME_NO_OVERWRITE -> RenameMode.NO_OVERWRITE;
      case RENAME_OVERWRITE -> RenameMode.OVERWRITE;
    };
  }

  public static SafeModeActionProto toProto(SafeModeAction a) {
    return switch (a) {
      case GET -> SafeModeActionProto.SAFEMODE_GET;
      case ENTER -> SafeModeActionProto.SAFEMODE_ENTER;
      case LEAVE -> SafeModeActionProto.SAFEMODE_LEAVE;
      case FORCE_EXIT -> SafeModeActionProto.SAFEMODE_FORCE_EXIT;
    };
  }

  public static SafeModeAction toSafeModeAction(SafeModeActionProto p) {
    return switch (p) {
      case SAFEMODE_GET -> SafeModeAction.GET;
      case SAFEMODE_ENTER -> SafeModeAction.ENTER;
      case SAFEMODE_LEAVE -> SafeModeAction.LEAVE;
      case SAFEMODE_FORCE_EXIT -> SafeModeAction.FORCE_EXIT;
    };
  }
}
