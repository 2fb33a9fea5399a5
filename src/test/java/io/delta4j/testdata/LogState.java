package io.delta4j.testdata;

import static io.delta4j.testdata.JsonText.obj;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's own replay of the actions it writes (PROTOCOL.md "Action Reconciliation"), from
 * which it writes checkpoints: the latest protocol and metadata, the latest txn per appId, the
 * latest domainMetadata per domain without tombstones, and add/remove keyed by (decoded path,
 * deletion vector unique id), newest wins. It is deliberately independent of delta4j's own
 * replay, which the tables test.
 */
final class LogState {
  private record FileKey(String path, String dvId) {}

  private Map<String, Object> protocol;
  private Map<String, Object> metaData;
  private final Map<String, Map<String, Object>> txns = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> domains = new LinkedHashMap<>();
  private final Map<FileKey, Map<String, Object>> adds = new LinkedHashMap<>();
  private final Map<FileKey, Map<String, Object>> removes = new LinkedHashMap<>();

  void apply(Map<String, Object> action) {
    String type = action.keySet().iterator().next();
    Map<String, Object> body = TableBuilder.castMap(action.get(type));
    switch (type) {
      case "protocol" -> protocol = body;
      case "metaData" -> metaData = body;
      case "txn" -> txns.put((String) body.get("appId"), body);
      case "domainMetadata" -> {
        String domain = (String) body.get("domain");
        domains.remove(domain);
        if (!Boolean.TRUE.equals(body.get("removed"))) {
          domains.put(domain, body);
        }
      }
      case "add" -> {
        FileKey key = key(body);
        removes.remove(key);
        adds.remove(key); // re-put: the newest reference goes last
        adds.put(key, body);
      }
      case "remove" -> {
        FileKey key = key(body);
        adds.remove(key);
        removes.remove(key);
        removes.put(key, body);
      }
      default -> { } // commitInfo and anything unknown take no part in the state
    }
  }

  /** Whether the current protocol lists the deletionVectors feature. */
  boolean supportsDeletionVectors() {
    Object features = protocol == null ? null : protocol.get("readerFeatures");
    return features instanceof List<?> list && list.contains("deletionVectors");
  }

  long liveAdds() {
    return adds.size();
  }

  /**
   * The checkpoint rows, in the order protocol, metaData, txn, domainMetadata, add, remove; file
   * actions with {@code dataChange=false}, as checkpoint writers store them.
   */
  List<Map<String, Object>> checkpointActions() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(obj("protocol", protocol));
    rows.add(obj("metaData", metaData));
    txns.values().forEach(t -> rows.add(obj("txn", t)));
    domains.values().forEach(d -> rows.add(obj("domainMetadata", d)));
    adds.values().forEach(a -> rows.add(TableBuilder.with(obj("add", a), "dataChange", false)));
    removes.values().forEach(r -> rows.add(TableBuilder.with(obj("remove", r), "dataChange", false)));
    return rows;
  }

  private static FileKey key(Map<String, Object> fileAction) {
    String path = URI.create((String) fileAction.get("path")).getPath();
    Map<String, Object> dv = TableBuilder.castMap(fileAction.get("deletionVector"));
    if (dv == null) {
      return new FileKey(path, null);
    }
    Object offset = dv.get("offset");
    String id = (String) dv.get("storageType") + dv.get("pathOrInlineDv") + (offset == null ? "" : "@" + offset);
    return new FileKey(path, id);
  }
}
