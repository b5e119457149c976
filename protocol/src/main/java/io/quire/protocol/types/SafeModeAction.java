package io.quire.protocol.types;

/** Safe-mode requests, as HDFS's dfsadmin -safemode offers them. */
public enum SafeModeAction { GET, ENTER, LEAVE, FORCE_EXIT }
